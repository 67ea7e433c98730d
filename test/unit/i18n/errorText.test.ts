import { beforeAll, describe, expect, test } from 'vitest';
import { type AppError, appError, microphoneError, registrationRefused, unreachable } from '../../../src/calls/errors';
import type { CallEnd } from '../../../src/calls/snapshot';
import { callEndText, certificatePage, errorText, outcomeText } from '../../../src/i18n/errorText';
import { classifyDialString } from '../../../src/numbers/dialString';
import { installEnglish } from './englishMessages';

beforeAll(installEnglish);

describe('errors travel as codes and are worded by the view', () => {
  test.each<[AppError, string]>([
    [appError('auth_failed'), 'Wrong username or password'],
    [unreachable('ws://pbx:8080'), 'Cannot reach ws://pbx:8080'],
    [unreachable('wss://pabx.axivox.com:3443'), 'Cannot reach wss://pabx.axivox.com:3443 (server down, or its TLS certificate is not trusted)'],
    [{ code: 'timeout', params: ['wss://pbx'] }, 'wss://pbx did not answer in time'],
    [registrationRefused(503, 'Too Many Registered Contacts'), 'The PBX refused the registration: 503 Too Many Registered Contacts'],
    [microphoneError('NotAllowedError'), 'Microphone access is blocked: allow it for VoIP Widget on the setup page'],
    [microphoneError('NotReadableError'), 'The microphone could not be opened (NotReadableError)'],
    [{ code: 'transfer_failed', params: ['103', '486 Busy Here'] }, 'The transfer to 103 did not go through: 486 Busy Here'],
    [{ code: 'transfer_failed', params: ['103', ''] }, 'The transfer to 103 did not go through'],
    [{ code: 'site_access_refused', params: ['https://crm.example'] }, 'Access to https://crm.example was not granted'],
    [appError('call_in_progress'), 'Finish the current call first'],
    [{ code: 'internal', params: ['boom'] }, 'Something went wrong: boom'],
  ])('%j', (error, text) => {
    expect(errorText(error)).toBe(text);
  });

  test('every code has words: no error shows as its bare code', () => {
    const codes: AppError[] = (
      [
        'auth_failed',
        'no_sip_identity',
        'not_set_up',
        'turned_off',
        'not_registered',
        'microphone_denied',
        'microphone_missing',
        'call_in_progress',
        'call_not_ringing',
        'call_ended',
        'consulted_party_gone',
        'transfer_request_gone',
        'offscreen_unavailable',
        'invalid_settings',
        'all_sites_refused',
        'click_to_call_off',
      ] as const
    ).map((code) => appError(code));
    for (const error of codes) expect(errorText(error)).toMatch(/ /);
  });

  test('a number that cannot be dialled says why', () => {
    const problem = (input: string) => {
      const dial = classifyDialString(input);
      return dial.kind === 'invalid' ? errorText({ code: 'invalid_number', problem: dial.error }) : null;
    };
    expect(problem('abc')).toBe('A phone number cannot contain letters');
    expect(problem('02 555 ! 12')).toBe('"!" is not allowed: use digits, spaces and + ( ) . - /');
    expect(problem('1'.repeat(40))).toBe('That number is too long (at most 32 digits)');
    expect(problem('+')).toBe('Enter the country code after + or 00');
  });
});

describe('call ends', () => {
  test.each<[CallEnd, string]>([
    [{ code: 'remote_hangup', completed: true }, 'The other party hung up'],
    [{ code: 'caller_canceled', completed: false }, 'The caller hung up'],
    [{ code: 'connection_lost', completed: false }, 'Connection to the PBX lost'],
    [{ code: 'media_unusable', completed: false }, 'Call ended: the PBX sent audio settings the softphone cannot use'],
    [{ code: 'failed', cause: 'WebRTC Error', completed: false }, 'Call failed: WebRTC Error'],
  ])('%j', (end, text) => {
    expect(callEndText(end)).toBe(text);
  });

  test('a recent call stored by an earlier version keeps its sentence', () => {
    expect(outcomeText('no_answer', null)).toBe('No answer');
    expect(outcomeText('Connection to the PBX lost', null)).toBe('Connection to the PBX lost');
  });
});

test('the certificate page of a wss:// server that cannot be reached', () => {
  expect(certificatePage(unreachable('wss://pabx.example:3443'))).toBe('https://pabx.example:3443/');
  expect(certificatePage(unreachable('ws://127.0.0.1:8080'))).toBeNull();
  expect(certificatePage(appError('auth_failed'))).toBeNull();
});
