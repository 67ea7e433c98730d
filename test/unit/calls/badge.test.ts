import { describe, expect, test } from 'vitest';
import { badgeFor } from '../../../src/calls/badge';
import { newCall } from '../../../src/calls/callState';
import { initialSnapshot, type RegistrationState, type SoftphoneSnapshot } from '../../../src/calls/snapshot';

function snapshot(state: RegistrationState, patch: Partial<SoftphoneSnapshot> = {}): SoftphoneSnapshot {
  return { ...initialSnapshot, registration: { state, account: '101@pbx.test', error: state === 'failed' ? { code: 'auth_failed', message: 'Wrong username or password' } : null }, ...patch };
}

describe('toolbar badge', () => {
  test.each<[RegistrationState, string]>([
    ['registered', ''],
    ['connecting', '…'],
    ['registering', '…'],
    ['failed', '!'],
    ['disabled', 'OFF'],
    ['unconfigured', 'SET'],
  ])('%s shows "%s"', (state, text) => {
    expect(badgeFor(snapshot(state)).text).toBe(text);
  });

  test('do not disturb and missed calls show when idle', () => {
    expect(badgeFor(snapshot('registered', { doNotDisturb: true }), 3).text).toBe('DND');
    expect(badgeFor(snapshot('registered'), 3)).toMatchObject({ text: '3', title: '3 missed calls' });
    expect(badgeFor(snapshot('registered'), 1).title).toBe('1 missed call');
  });

  test('an unreachable server shows while retrying', () => {
    const retrying = { ...snapshot('connecting'), registration: { state: 'connecting' as const, account: null, error: { code: 'unreachable' as const, message: 'Cannot reach wss://pbx' } } };
    expect(badgeFor(retrying)).toMatchObject({ text: '!', title: 'Cannot reach wss://pbx: retrying' });
  });

  test('an error explains itself in the tooltip', () => {
    expect(badgeFor(snapshot('failed')).title).toBe('Wrong username or password');
  });

  test('a ringing call outranks a call in progress, which outranks registration', () => {
    const active = { ...newCall('a', 'outgoing', '102', null, 0), state: 'active' as const };
    const ringing = newCall('b', 'incoming', '103', null, 0);
    expect(badgeFor(snapshot('failed', { calls: [active] })).text).toBe('CALL');
    expect(badgeFor(snapshot('registered', { calls: [active, ringing] })).text).toBe('RING');
  });
});
