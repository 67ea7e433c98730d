import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { reconnectDelayMs } from '../../../src/calls/reconnectPolicy';
import {
  CREDENTIALS_RETRY_MS,
  classifyRegistrationAnswer,
  MAX_RETRY_AFTER_SECONDS,
  parseRetryAfter,
  type RegistrationFailure,
  registrationRetryDelayMs,
} from '../../../src/calls/registrationRetry';

describe('Retry-After', () => {
  test.each([
    ['120', 120],
    ['  5', 5],
    ['18000;duration=3600', MAX_RETRY_AFTER_SECONDS],
    ['30 (Server maintenance)', 30],
    ['0', 0],
    ['', null],
    ['soon', null],
    ['-5', null],
    ['1.5', null],
    [null, null],
    [undefined, null],
  ])('%j -> %j', (header, seconds) => {
    expect(parseRetryAfter(header)).toBe(seconds);
  });

  test('any header gives null or whole seconds within the cap, and never throws', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (header) => {
        const seconds = parseRetryAfter(header);
        return seconds === null || (Number.isInteger(seconds) && seconds >= 0 && seconds <= MAX_RETRY_AFTER_SECONDS);
      }),
    );
  });
});

describe('what a REGISTER answer means', () => {
  test.each<[number | null, string, string | null, string | undefined, RegistrationFailure]>([
    [401, 'Unauthorized', null, 'Authentication Error', { kind: 'credentials', status: 401 }],
    [407, 'Proxy Authentication Required', null, 'Authentication Error', { kind: 'credentials', status: 407 }],
    [403, 'Forbidden', null, 'Rejected', { kind: 'credentials', status: 403 }],
    [503, 'Service Unavailable', '30', 'SIP Failure Code', { kind: 'refused', status: 503, reason: 'Service Unavailable', retryAfterSeconds: 30 }],
    [
      503,
      'Too Many Registered Contacts',
      null,
      'SIP Failure Code',
      { kind: 'refused', status: 503, reason: 'Too Many Registered Contacts', retryAfterSeconds: null },
    ],
    [500, 'Server Internal Error', null, 'SIP Failure Code', { kind: 'refused', status: 500, reason: 'Server Internal Error', retryAfterSeconds: null }],
    [null, '', null, 'Request Timeout', { kind: 'timeout' }],
  ])('%s %s -> %j', (status, reason, retryAfter, cause, failure) => {
    expect(classifyRegistrationAnswer(status, reason, retryAfter, cause)).toEqual(failure);
  });
});

describe('when to register again', () => {
  test("the PBX's Retry-After is honoured, never shortened", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: MAX_RETRY_AFTER_SECONDS }),
        fc.integer({ min: 1, max: 50 }),
        fc.double({ min: 0, max: 0.999, noNaN: true }),
        (seconds, attempt, random) => {
          const delay = registrationRetryDelayMs({ kind: 'refused', status: 503, reason: '', retryAfterSeconds: seconds }, attempt, random);
          return delay >= seconds * 1000 && delay <= seconds * 1000 + 500;
        },
      ),
    );
  });

  test('wrong credentials wait ten minutes whatever the attempt: no lock-out loop', () => {
    for (const attempt of [1, 2, 10, 100]) expect(registrationRetryDelayMs({ kind: 'credentials', status: 401 }, attempt, 0.5)).toBe(CREDENTIALS_RETRY_MS);
  });

  test('a refusal without Retry-After, or a timeout, backs off like a lost connection', () => {
    for (const attempt of [1, 3, 8]) {
      expect(registrationRetryDelayMs({ kind: 'refused', status: 500, reason: '', retryAfterSeconds: null }, attempt, 0.3)).toBe(
        reconnectDelayMs(attempt, 0.3),
      );
      expect(registrationRetryDelayMs({ kind: 'timeout' }, attempt, 0.3)).toBe(reconnectDelayMs(attempt, 0.3));
    }
  });
});
