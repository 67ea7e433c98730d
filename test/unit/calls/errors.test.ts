import { describe, expect, test } from 'vitest';
import { microphoneError, registrationError, unreachable } from '../../../src/calls/errors';

describe('registration errors', () => {
  test.each([
    ['Authentication Error', 'auth_failed', 'Wrong username or password'],
    ['Rejected', 'auth_failed', 'Wrong username or password'],
    ['Request Timeout', 'timeout', 'ws://pbx:8080 did not answer in time'],
    ['Connection Error', 'unreachable', 'Cannot reach ws://pbx:8080'],
    ['Service Unavailable', 'registration_failed', 'Registration failed: Service Unavailable'],
  ])('%s -> %s', (cause, code, message) => {
    expect(registrationError(cause, 'ws://pbx:8080')).toEqual({ code, message });
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
