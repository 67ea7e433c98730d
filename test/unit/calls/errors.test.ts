import { describe, expect, test } from 'vitest';
import { microphoneError, registrationRefused, unreachable } from '../../../src/calls/errors';

describe('registration errors', () => {
  test('a refusal carries the PBX\'s own status and reason for the view to word', () => {
    expect(registrationRefused(503, 'Too Many Registered Contacts')).toMatchObject({ code: 'registration_refused', params: ['503', 'Too Many Registered Contacts'] });
  });

  test('a secure WebSocket that cannot be reached may be a certificate problem', () => {
    expect(unreachable('wss://pabx.axivox.com').message).toBe('Cannot reach wss://pabx.axivox.com (server down, or its TLS certificate is not trusted)');
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
