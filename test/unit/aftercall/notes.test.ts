import { describe, expect, test } from 'vitest';
import { daySummary } from '../../../src/aftercall/daySummary';
import { NOTES_CAP, storedCallNotes, withNote } from '../../../src/aftercall/notes';
import type { RecentCall } from '../../../src/calls/recentCalls';

describe('call notes', () => {
  test('notes and disposition change apart; the oldest are dropped beyond the cap', () => {
    let notes = withNote({}, 'a', { notes: 'hel' }, 1);
    notes = withNote(notes, 'a', { disposition: 'Sale' }, 2);
    notes = withNote(notes, 'a', { notes: 'hello' }, 3);
    expect(notes).toEqual({ a: { notes: 'hello', disposition: 'Sale', updatedAt: 3 } });
    expect(withNote(notes, 'a', { disposition: null }, 4).a?.disposition).toBeNull();
    let many = {};
    for (let i = 0; i <= NOTES_CAP; i++) many = withNote(many, `c${i}`, { notes: 'x' }, i);
    expect(Object.keys(many)).toHaveLength(NOTES_CAP);
    expect('c0' in many).toBe(false);
  });

  test('a damaged stored entry is left out, the others kept', () => {
    expect(storedCallNotes({ a: { notes: 'ok', disposition: null, updatedAt: 1 }, b: { notes: 5 } })).toEqual({
      a: { notes: 'ok', disposition: null, updatedAt: 1 },
    });
    expect(storedCallNotes('junk')).toEqual({});
  });
});

describe('day summary', () => {
  const now = new Date(2026, 0, 10, 15, 0).getTime();
  const call = (direction: RecentCall['direction'], hoursAgo: number, durationMs: number): RecentCall => ({
    id: `${direction}${hoursAgo}`,
    direction,
    number: '102',
    name: null,
    startedAt: now - hoursAgo * 3_600_000,
    durationMs,
    callerId: null,
    outcome: '',
    outcomeCause: null,
    quality: null,
  });
  test('counts today only: calls, talk time, missed', () => {
    expect(daySummary([call('incoming', 1, 60_000), call('outgoing', 2, 30_000), call('missed', 3, 0), call('incoming', 16, 99_000)], now)).toEqual({
      calls: 3,
      talkMs: 90_000,
      missed: 1,
    });
  });
});
