import { beforeAll, describe, expect, test } from 'vitest';
import { applyCallEvent, type CallEvent, callEnd, newCall } from '../../../src/calls/callState';
import type { CallSnapshot } from '../../../src/calls/snapshot';
import { callEndText } from '../../../src/i18n/errorText';
import { installEnglish } from '../i18n/englishMessages';

const outgoing = newCall('c1', 'outgoing', '102', null, 1000);
const incoming = newCall('c2', 'incoming', '101', 'Alice', 1000);

function run(call: CallSnapshot, events: CallEvent[]): CallSnapshot {
  return events.reduce(applyCallEvent, call);
}

describe('call state', () => {
  test.each<[string, CallSnapshot, CallEvent[], Partial<CallSnapshot>]>([
    ['outgoing starts dialing', outgoing, [], { state: 'dialing', answeredAt: null }],
    ['remote alerting makes it ring', outgoing, [{ type: 'progress', earlyMedia: false }], { state: 'ringing' }],
    [
      'an answer makes it active',
      outgoing,
      [
        { type: 'progress', earlyMedia: false },
        { type: 'accepted', at: 2000 },
      ],
      { state: 'active', answeredAt: 2000 },
    ],
    [
      'confirmation keeps the first answer time',
      outgoing,
      [
        { type: 'accepted', at: 2000 },
        { type: 'confirmed', at: 2100 },
      ],
      { state: 'active', answeredAt: 2000 },
    ],
    ['a 183 with SDP rings with early media', outgoing, [{ type: 'progress', earlyMedia: true }], { state: 'ringing', earlyMedia: true }],
    [
      'a 180 after early media keeps the early media',
      outgoing,
      [
        { type: 'progress', earlyMedia: true },
        { type: 'progress', earlyMedia: false },
      ],
      { state: 'ringing', earlyMedia: true },
    ],
    [
      'early media after a plain 180 replaces the ringback',
      outgoing,
      [
        { type: 'progress', earlyMedia: false },
        { type: 'progress', earlyMedia: true },
      ],
      { state: 'ringing', earlyMedia: true },
    ],
    ['incoming starts ringing in', incoming, [], { state: 'incoming' }],
    ['an answered incoming call connects until ACK', incoming, [{ type: 'accepted', at: 2000 }], { state: 'connecting', answeredAt: 2000 }],
    [
      'ACK makes it active',
      incoming,
      [
        { type: 'accepted', at: 2000 },
        { type: 'confirmed', at: 2050 },
      ],
      { state: 'active' },
    ],
    [
      'progress after answer changes nothing',
      outgoing,
      [
        { type: 'accepted', at: 2000 },
        { type: 'progress', earlyMedia: true },
      ],
      { state: 'active' },
    ],
    ['mute and hold are tracked', outgoing, [{ type: 'muted' }, { type: 'held' }], { muted: true, held: true }],
    ['unmute and resume undo them', outgoing, [{ type: 'muted' }, { type: 'held' }, { type: 'unmuted' }, { type: 'resumed' }], { muted: false, held: false }],
    [
      'the other party holds: held by them, not by us',
      outgoing,
      [{ type: 'accepted', at: 2000 }, { type: 'held-by-remote' }],
      { state: 'active', held: false, heldByRemote: true },
    ],
    ['the other party resumes', outgoing, [{ type: 'held-by-remote' }, { type: 'resumed-by-remote' }], { held: false, heldByRemote: false }],
    ['both hold: each side is kept apart', outgoing, [{ type: 'held-by-remote' }, { type: 'held' }], { held: true, heldByRemote: true }],
    [
      'both hold, the other party resumes: still held by us',
      outgoing,
      [{ type: 'held-by-remote' }, { type: 'held' }, { type: 'resumed-by-remote' }],
      { held: true, heldByRemote: false },
    ],
    [
      'both hold, we resume: still held by them',
      outgoing,
      [{ type: 'held' }, { type: 'held-by-remote' }, { type: 'resumed' }],
      { held: false, heldByRemote: true },
    ],
    [
      'held by them, then hung up: the end is kept, not the hold',
      incoming,
      [
        { type: 'accepted', at: 2000 },
        { type: 'held-by-remote' },
        { type: 'ended', at: 3000, cause: 'Bye', originator: 'remote' },
        { type: 'resumed-by-remote' },
      ],
      { state: 'ended', heldByRemote: true },
    ],
    [
      'an ended call stays ended',
      outgoing,
      [
        { type: 'ended', at: 3000, cause: 'Busy', originator: 'remote' },
        { type: 'confirmed', at: 4000 },
      ],
      { state: 'ended', endedAt: 3000, answeredAt: null },
    ],
  ])('%s', (_, call, events, expected) => {
    expect(run(call, events)).toMatchObject(expected);
  });
});

describe('how a call ended', () => {
  beforeAll(installEnglish);
  const answered = run(outgoing, [{ type: 'accepted', at: 2000 }]);
  test.each<[CallSnapshot, string | undefined, 'local' | 'remote' | 'system', string, string, boolean]>([
    [answered, 'Terminated', 'local', 'local_hangup', 'Call ended', true],
    [answered, 'Terminated', 'remote', 'remote_hangup', 'The other party hung up', true],
    [outgoing, 'Canceled', 'local', 'canceled', 'Call canceled', false],
    [incoming, 'Canceled', 'remote', 'caller_canceled', 'The caller hung up', false],
    [outgoing, 'Busy', 'remote', 'busy', 'Busy', false],
    [incoming, 'Rejected', 'local', 'declined', 'Call declined', false],
    [outgoing, 'Rejected', 'remote', 'rejected', 'Call rejected', false],
    [outgoing, 'Not Found', 'remote', 'not_found', 'Number not found', false],
    [outgoing, 'Unavailable', 'remote', 'unavailable', 'Not reachable right now', false],
    [outgoing, 'No Answer', 'remote', 'no_answer', 'No answer', false],
    [outgoing, 'WebRTC Error', 'system', 'failed', 'Call failed: WebRTC Error', false],
    [answered, 'Missing SDP', 'local', 'media_unusable', 'Call ended: the PBX sent audio settings the softphone cannot use', false],
    [incoming, 'Incompatible SDP', 'local', 'media_unusable', 'Call ended: the PBX sent audio settings the softphone cannot use', false],
  ])('%#: cause %s by %s', (call, cause, originator, code, message, completed) => {
    const end = callEnd(call, cause, originator);
    expect(end).toMatchObject({ code, completed });
    expect(callEndText(end)).toBe(message);
  });
});
