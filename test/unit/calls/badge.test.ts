import { describe, expect, test } from 'vitest';
import { badgeFor } from '../../../src/calls/badge';
import { newCall } from '../../../src/calls/callState';
import { initialSnapshot, type RegistrationState, type SoftphoneSnapshot } from '../../../src/calls/snapshot';

function snapshot(state: RegistrationState, patch: Partial<SoftphoneSnapshot> = {}): SoftphoneSnapshot {
  return { ...initialSnapshot, registration: { state, account: '101@pbx.test', error: state === 'failed' ? { code: 'auth_failed' } : null }, ...patch };
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
    expect(badgeFor(snapshot('registered'), 3)).toMatchObject({ text: '3', title: { key: 'badgeMissedCalls', params: ['3'] } });
    expect(badgeFor(snapshot('registered'), 1).title).toEqual({ key: 'badgeMissedCall', params: ['1'] });
  });

  test('an unreachable server shows while retrying', () => {
    const retrying = {
      ...snapshot('connecting'),
      registration: { state: 'connecting' as const, account: null, error: { code: 'unreachable' as const, params: ['wss://pbx'] as [string] } },
    };
    expect(badgeFor(retrying)).toMatchObject({ text: '!', title: { error: { code: 'unreachable', params: ['wss://pbx'] }, retrying: true } });
  });

  test('an error explains itself in the tooltip', () => {
    expect(badgeFor(snapshot('failed')).title).toEqual({ error: { code: 'auth_failed' }, retrying: false });
  });

  test('a ringing call outranks a call in progress, which outranks registration', () => {
    const active = { ...newCall('a', 'outgoing', '102', null, 0), state: 'active' as const };
    const ringing = newCall('b', 'incoming', '103', null, 0);
    expect(badgeFor(snapshot('failed', { calls: [active] })).text).toBe('CALL');
    expect(badgeFor(snapshot('registered', { calls: [active, ringing] })).text).toBe('RING');
  });
});
