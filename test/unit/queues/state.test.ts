import { describe, expect, test } from 'vitest';
import {
  beginQueueAction,
  connectedQueues,
  emptyQueueState,
  finishQueueAction,
  type QueueState,
  type QueueStatus,
  queueStatus,
  queuesToLogOut,
  refuseQueueAction,
  storedQueueState,
  WORK_STALE_MS,
} from '../../../src/queues';
import { reception, sales, support } from './fixtures';

const loggedIntoSupport: QueueState = { ...emptyQueueState, memberships: { '500': { loggedIn: true, changedAt: 1000 } }, changedAt: 1000 };
const working = (startedAt: number): QueueState => ({ ...loggedIntoSupport, working: { extension: '501', action: 'login', startedAt } });

describe('queue status', () => {
  test.each<[string, typeof support, QueueState, number, QueueStatus]>([
    ['a dynamic queue starts logged out', support, emptyQueueState, 5000, 'logged-out'],
    ['logged in after a login', support, loggedIntoSupport, 5000, 'logged-in'],
    ['a static agent is always connected', reception, emptyQueueState, 5000, 'static'],
    ['working while its call runs', sales, working(4000), 5000, 'working'],
    ["another queue's call does not make this one work", support, working(4000), 5000, 'logged-in'],
    ['a call marked running long ago was cut short', sales, working(0), WORK_STALE_MS + 1, 'logged-out'],
  ])('%s', (_, queue, state, now, status) => {
    expect(queueStatus(queue, state, now)).toBe(status);
  });
});

describe('queue transitions', () => {
  test.each<[string, QueueState, typeof support, unknown]>([
    ['a login may start when nothing runs', emptyQueueState, support, { ok: true }],
    ['only one login/logout call at a time', working(4000), support, { ok: false, failure: 'working' }],
    ['a stale running call does not block', working(5000 - WORK_STALE_MS), support, { ok: true }],
    ['static agents do not log in', emptyQueueState, reception, { ok: false, failure: 'static_agent' }],
  ])('%s', (_, state, queue, expected) => {
    expect(beginQueueAction(state, queue, 'login', 5000)).toMatchObject(expected as object);
  });

  test.each<[string, QueueState, 'login' | 'logout', Parameters<typeof finishQueueAction>[3], boolean | undefined, number | null]>([
    ['a successful login logs in', emptyQueueState, 'login', { failure: null, detail: null }, true, 9000],
    ['a successful logout logs out', loggedIntoSupport, 'logout', { failure: null, detail: null }, false, 9000],
    ['a failed login changes nothing', emptyQueueState, 'login', { failure: 'busy', detail: null }, undefined, null],
    ['a failed logout keeps the agent logged in', loggedIntoSupport, 'logout', { failure: 'no_answer', detail: null }, true, 1000],
  ])('%s', (_, before, action, result, loggedIn, changedAt) => {
    const begun = beginQueueAction(before, support, action, 8000);
    if (!begun.ok) throw new Error('did not begin');
    const after = finishQueueAction(begun.state, support, action, result, 9000);
    expect(after.working).toBeNull();
    expect(after.memberships['500']?.loggedIn).toBe(loggedIn);
    expect(after.changedAt).toBe(changedAt);
    expect(after.lastOutcome).toEqual({ extension: '500', queueName: 'Support', action, failure: result.failure, detail: result.detail, at: 9000 });
  });

  test('a refusal only records why', () => {
    const after = refuseQueueAction(loggedIntoSupport, support, 'logout', 'not_registered', { error: { code: 'auth_failed' } }, 7000);
    expect(after).toEqual({
      ...loggedIntoSupport,
      lastOutcome: {
        extension: '500',
        queueName: 'Support',
        action: 'logout',
        failure: 'not_registered',
        detail: { error: { code: 'auth_failed' } },
        at: 7000,
      },
    });
  });
});

describe('which queues', () => {
  const both: QueueState = {
    ...loggedIntoSupport,
    memberships: { ...loggedIntoSupport.memberships, '501': { loggedIn: true, changedAt: 2000 }, '502': { loggedIn: true, changedAt: 2000 } },
  };
  test.each<[string, QueueState, string[], string[]]>([
    ['nothing to log out of when logged out', emptyQueueState, [], ['Reception']],
    ['log out of the dynamic queues logged into', both, ['Support', 'Sales'], ['Support', 'Sales', 'Reception']],
    [
      'a queue logged out of is left alone',
      { ...both, memberships: { ...both.memberships, '500': { loggedIn: false, changedAt: 3000 } } },
      ['Sales'],
      ['Sales', 'Reception'],
    ],
  ])('%s', (_, state, toLogOut, connected) => {
    const queues = [support, sales, reception];
    expect(queuesToLogOut(queues, state).map((q) => q.name)).toEqual(toLogOut);
    expect(connectedQueues(queues, state).map((q) => q.name)).toEqual(connected);
  });

  test('stored garbage reads as a fresh state', () => {
    expect(storedQueueState({ memberships: 3 })).toEqual(emptyQueueState);
    expect(storedQueueState('nope')).toEqual(emptyQueueState);
    expect(storedQueueState(loggedIntoSupport)).toEqual(loggedIntoSupport);
  });

  test('a damaged field or membership costs only itself', () => {
    const stored = {
      ...loggedIntoSupport,
      memberships: { ...loggedIntoSupport.memberships, '501': { loggedIn: 'yes' } },
      working: 'busy',
      lastOutcome: { failure: 'exploded' },
    };
    expect(storedQueueState(stored)).toEqual(loggedIntoSupport);
  });
});
