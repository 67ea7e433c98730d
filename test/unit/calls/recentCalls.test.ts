import { describe, expect, test } from 'vitest';
import { applyCallEvent, newCall } from '../../../src/calls/callState';
import { addRecentCall, callBackNeedsConfirmation, type RecentCall, recentCallFrom, unseenMissedCalls } from '../../../src/calls/recentCalls';

const answered = [
  { type: 'accepted', at: 2000 },
  { type: 'ended', at: 62_000, cause: 'Terminated', originator: 'remote' },
] as const;

describe('recent calls', () => {
  test('an answered outgoing call records its talk time', () => {
    const call = answered.reduce(applyCallEvent, newCall('a', 'outgoing', '102', 'Bob', 1000));
    expect(recentCallFrom(call, '+3225551234')).toEqual({
      id: 'a',
      direction: 'outgoing',
      number: '102',
      name: 'Bob',
      startedAt: 1000,
      durationMs: 60_000,
      callerId: '+3225551234',
      outcome: 'remote_hangup',
      outcomeCause: null,
      quality: null,
    });
  });

  test('an unanswered incoming call is missed; a declined one is not', () => {
    const missed = applyCallEvent(newCall('b', 'incoming', '103', null, 1000), { type: 'ended', at: 5000, cause: 'Canceled', originator: 'remote' });
    const declined = applyCallEvent(newCall('c', 'incoming', '103', null, 1000), { type: 'ended', at: 5000, cause: 'Rejected', originator: 'local' });
    expect(recentCallFrom(missed)).toMatchObject({ direction: 'missed', durationMs: 0 });
    expect(recentCallFrom(declined)).toMatchObject({ direction: 'incoming', outcome: 'declined' });
  });

  const entry = (id: string, startedAt: number, direction: RecentCall['direction'] = 'outgoing'): RecentCall => ({
    id,
    direction,
    number: '1',
    name: null,
    startedAt,
    durationMs: 0,
    callerId: null,
    outcome: '',
    outcomeCause: null,
    quality: null,
  });

  test('newest first, each call once, capped with the oldest dropped', () => {
    let list: RecentCall[] = [];
    for (let i = 0; i < 5; i++) list = addRecentCall(list, entry(`c${i}`, i), 3);
    list = addRecentCall(list, entry('c4', 4), 3);
    expect(list.map((c) => c.id)).toEqual(['c4', 'c3', 'c2']);
  });

  test('missed calls count until seen', () => {
    const list = [entry('a', 100, 'missed'), entry('b', 200, 'missed'), entry('c', 300, 'incoming')];
    expect(unseenMissedCalls(list, 0)).toBe(2);
    expect(unseenMissedCalls(list, 150)).toBe(1);
    expect(unseenMissedCalls(list, 300)).toBe(0);
  });
});

describe('calling back', () => {
  test.each([
    ['missed', '*21*0470123456#', true],
    ['incoming', '#31#', true],
    ['incoming', '+32*2', true],
    ['missed', '+3225551234', false],
    ['incoming', '102', false],
    ['outgoing', '*43', false],
  ] as const)('a %s call from %s asks first: %s', (direction, number, asks) => {
    expect(callBackNeedsConfirmation({ direction, number })).toBe(asks);
  });
});
