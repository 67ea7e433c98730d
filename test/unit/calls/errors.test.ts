import { describe, expect, test } from 'vitest';
import { microphoneError, registrationRefused } from '../../../src/calls/errors';

describe('registration errors', () => {
  test("a refusal carries the PBX's own status and reason for the view to word", () => {
    expect(registrationRefused(503, 'Too Many Registered Contacts')).toMatchObject({
      code: 'registration_refused',
      params: ['503', 'Too Many Registered Contacts'],
    });
  });
});

describe('microphone errors', () => {
  test.each([
    ['NotAllowedError', 'microphone_denied'],
    ['SecurityError', 'microphone_denied'],
    ['NotFoundError', 'microphone_missing'],
    ['NotReadableError', 'microphone_failed'],
    [undefined, 'microphone_failed'],
  ])('%s -> %s', (name, code) => {
    expect(microphoneError(name).code).toBe(code);
  });
});
