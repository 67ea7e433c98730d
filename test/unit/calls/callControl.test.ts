import { describe, expect, test } from 'vitest';
import { callsToHold, decideIncoming, dtmfTransport, focusedCall, ringToneFor } from '../../../src/calls/callControl';
import { newCall } from '../../../src/calls/callState';
import type { CallSnapshot } from '../../../src/calls/snapshot';

const active = (id: string, held = false): CallSnapshot => ({ ...newCall(id, 'outgoing', '102', null, 0), state: 'active', held });
const ringing = (id: string): CallSnapshot => newCall(id, 'incoming', '103', null, 0);

describe('incoming call decision', () => {
  test.each<[string, { doNotDisturb: boolean; callWaiting: boolean }, CallSnapshot[], ReturnType<typeof decideIncoming>]>([
    ['idle rings', { doNotDisturb: false, callWaiting: true }, [], { ring: true }],
    ['do not disturb refuses busy', { doNotDisturb: true, callWaiting: true }, [], { ring: false, status: 486, reason: 'do_not_disturb' }],
    ['call waiting rings over a call', { doNotDisturb: false, callWaiting: true }, [active('a')], { ring: true }],
    ['call waiting off refuses busy', { doNotDisturb: false, callWaiting: false }, [active('a')], { ring: false, status: 486, reason: 'call_waiting_off' }],
    [
      'a third call is refused',
      { doNotDisturb: false, callWaiting: true },
      [active('a'), ringing('b')],
      { ring: false, status: 486, reason: 'too_many_calls' },
    ],
  ])('%s', (_, preferences, live, expected) => {
    expect(decideIncoming(preferences, live)).toEqual(expected);
  });
});

describe('one call on the line at a time', () => {
  test('answering or resuming holds the active calls, not held or ringing ones', () => {
    expect(callsToHold([active('a'), active('b', true), ringing('c')], 'c').map((c) => c.id)).toEqual(['a']);
    expect(callsToHold([active('a'), active('b', true)], 'a')).toEqual([]);
  });

  test('the focused call is the ringing one, else the one not on hold', () => {
    expect(focusedCall([active('a'), ringing('b')])?.id).toBe('b');
    expect(focusedCall([active('a', true), active('b')])?.id).toBe('b');
    expect(focusedCall([active('a', true), active('b', true)])?.id).toBe('b');
    expect(focusedCall([])).toBeUndefined();
  });

  test('the ringer rings when idle and only chimes over a call', () => {
    expect(ringToneFor([])).toBe('none');
    expect(ringToneFor([ringing('a')])).toBe('ring');
    expect(ringToneFor([active('a'), ringing('b')])).toBe('call-waiting');
    expect(ringToneFor([active('a')])).toBe('none');
  });
});

describe('keypad tones', () => {
  test.each([
    ['rfc4733', true, 'RFC2833'],
    ['rfc4733', false, 'INFO'],
    ['info', true, 'INFO'],
    ['info', false, 'INFO'],
  ] as const)('preferred %s, negotiated in audio %s: %s', (preferred, negotiated, expected) => {
    expect(dtmfTransport(preferred, negotiated)).toBe(expected);
  });
});
