import { describe, expect, test } from 'vitest';
import { emptyQueueState, nextReminderAt, type QueueState, shouldRemind } from '../../../src/queues';
import { reception, support } from './fixtures';

// Local wall-clock times, so the table holds in any time zone.
const at = (day: number, hours: number, minutes = 0): number => new Date(2025, 2, day, hours, minutes).getTime();

describe('reminder due time', () => {
  test.each<[string, number, string, number]>([
    ['later today', at(10, 9), '18:00', at(10, 18)],
    ['exactly now: tomorrow', at(10, 18), '18:00', at(11, 18)],
    ['already past: tomorrow', at(10, 18, 1), '18:00', at(11, 18)],
    ['just before midnight', at(10, 23, 59), '00:00', at(11, 0)],
    ['minutes count', at(10, 17, 29), '17:30', at(10, 17, 30)],
    ['across a month end', at(31, 19), '18:00', new Date(2025, 3, 1, 18).getTime()],
  ])('%s', (_, now, time, due) => {
    expect(nextReminderAt(now, time)).toBe(due);
  });
});

describe('whether to remind', () => {
  const loggedIn: QueueState = { ...emptyQueueState, memberships: { '500': { loggedIn: true, changedAt: 1 } } };
  test.each<[string, boolean, QueueState, boolean]>([
    ['logged into a queue', true, loggedIn, true],
    ['logged out of everything', true, emptyQueueState, false],
    ['reminder turned off', false, loggedIn, false],
  ])('%s', (_, enabled, state, remind) => {
    expect(shouldRemind({ queues: [support, reception], reminder: { enabled, time: '18:00' } }, state)).toBe(remind);
  });

  test('static queues alone do not need a reminder', () => {
    expect(
      shouldRemind(
        { queues: [reception], reminder: { enabled: true, time: '18:00' } },
        { ...emptyQueueState, memberships: { '502': { loggedIn: true, changedAt: 1 } } },
      ),
    ).toBe(false);
  });
});
