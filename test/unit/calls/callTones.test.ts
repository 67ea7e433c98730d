import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { applyCallEvent, newCall } from '../../../src/calls/callState';
import { bringsEarlyMedia, CADENCES, type CallTone, endToneFor, ongoingToneFor, type TonePlan, tonePlanFor } from '../../../src/calls/callTones';
import type { CallEndCode, CallSnapshot } from '../../../src/calls/snapshot';

const outgoing = newCall('c1', 'outgoing', '102', null, 1000);
const incoming = newCall('c2', 'incoming', '101', 'Alice', 1000);
const ringing = (earlyMedia: boolean): CallSnapshot => applyCallEvent(outgoing, { type: 'progress', earlyMedia });
const sdp = 'v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\nm=audio 4000 RTP/AVP 8\r\n';

describe('which tone plan a home country uses', () => {
  test.each<[unknown, TonePlan]>([
    ['BE', 'europe'],
    ['FR', 'europe'],
    ['de', 'europe'],
    ['US', 'north-america'],
    [' ca ', 'north-america'],
    ['GB', 'uk'],
    ['IE', 'uk'],
    ['', 'europe'],
    [null, 'europe'],
    [42, 'europe'],
  ])('%j plays the %s tones', (country, plan) => expect(tonePlanFor(country)).toBe(plan));
});

describe('the cadences', () => {
  test.each<[TonePlan, CallTone, number[], number, number]>([
    ['europe', 'ringback', [425], 1000, 4000],
    ['north-america', 'ringback', [440, 480], 2000, 4000],
    ['uk', 'ringback', [400, 450], 400, 200],
    ['europe', 'busy', [425], 500, 500],
    ['north-america', 'busy', [480, 620], 500, 500],
    ['uk', 'busy', [400], 375, 375],
  ])('%s %s: %j Hz, %d ms on, then %d ms off', (plan, tone, frequencies, onMs, offMs) => {
    const [first, second] = CADENCES[plan][tone];
    expect(first).toEqual({ frequencies, ms: onMs });
    expect(second).toEqual({ frequencies: [], ms: offMs });
  });

  test('the UK ringback rings twice, then waits 2 s', () => {
    expect(CADENCES.uk.ringback.map((s) => [s.frequencies.length > 0, s.ms])).toEqual([
      [true, 400],
      [false, 200],
      [true, 400],
      [false, 2000],
    ]);
  });
});

describe('early media in a provisional response', () => {
  test.each<[unknown, unknown, boolean]>([
    [180, '', false],
    [180, undefined, false],
    [183, sdp, true],
    [180, sdp, true],
    [183, '', false],
    [183, 'not sdp at all', false],
    [200, sdp, false],
    [100, sdp, false],
    ['183', sdp, false],
  ])('status %j with body %j: %s', (status, body, expected) => expect(bringsEarlyMedia(status, body)).toBe(expected));

  test('any response, however malformed, gives an answer and never throws', () => {
    fc.assert(fc.property(fc.anything(), fc.anything(), (status, body) => typeof bringsEarlyMedia(status, body) === 'boolean'));
  });
});

describe('the tone while calls are in progress', () => {
  test.each<[string, CallSnapshot[], CallTone | null]>([
    ['nothing without calls', [], null],
    ['nothing while dialing (no answer from the far end yet)', [outgoing], null],
    ['the ringback while the callee rings', [ringing(false)], 'ringback'],
    ['nothing while early media plays', [ringing(true)], null],
    ['nothing once answered', [applyCallEvent(ringing(false), { type: 'accepted', at: 2000 })], null],
    ['nothing for an incoming call (the ringer plays)', [incoming], null],
    [
      'the ringback of a consultation call while the first is held',
      [{ ...applyCallEvent(incoming, { type: 'accepted', at: 1 }), held: true }, ringing(false)],
      'ringback',
    ],
  ])('%s', (_, calls, tone) => expect(ongoingToneFor(calls)).toBe(tone));
});

describe('the tone when an outgoing call does not go through', () => {
  const ended = (cause: string, call = ringing(false)): CallSnapshot => applyCallEvent(call, { type: 'ended', at: 3000, cause, originator: 'remote' });
  test.each<[string, CallSnapshot, CallTone | null]>([
    ['486 Busy Here: busy', ended('Busy'), 'busy'],
    ['603 Decline by the callee: busy', ended('Rejected'), 'busy'],
    ['404: error', ended('Not Found'), 'error'],
    ['480 Unavailable: error', ended('Unavailable'), 'error'],
    ['a connection lost while ringing: error', ended('Connection Error'), 'error'],
    ['hung up after the conversation: nothing', ended('Bye', applyCallEvent(ringing(false), { type: 'accepted', at: 2000 })), null],
    ['an incoming call refused: nothing', ended('Busy', incoming), null],
    ['cancelled by the agent: nothing', applyCallEvent(ringing(false), { type: 'ended', at: 3000, cause: 'Canceled', originator: 'local' }), null],
  ])('%s', (_, call, tone) => expect(endToneFor(call)).toBe(tone));

  test('every way a call ends maps to a tone or to silence', () => {
    const codes: CallEndCode[] = [
      'local_hangup',
      'remote_hangup',
      'busy',
      'rejected',
      'declined',
      'not_found',
      'unavailable',
      'no_answer',
      'canceled',
      'caller_canceled',
      'connection_lost',
      'media_unusable',
      'failed',
    ];
    for (const code of codes) expect([null, 'busy', 'error']).toContain(endToneFor({ ...ringing(false), state: 'ended', end: { code, completed: false } }));
  });
});
