import * as v from 'valibot';
import type { AppError } from '../calls/errors';
import type { CallEnd } from '../calls/snapshot';
import { perField } from '../settings/perField';
import type { QueueDefinition } from './settings';

export type QueueAction = 'login' | 'logout';

/** Why a login or logout did not change anything. */
export type QueueFailure =
  | 'not_registered'
  | 'call_in_progress'
  | 'working'
  | 'static_agent'
  | 'unknown_queue'
  | 'softphone_unavailable'
  | 'busy'
  | 'rejected'
  | 'no_answer'
  | 'not_ended'
  | 'failed';

export interface Membership {
  loggedIn: boolean;
  changedAt: number;
}

/** A login or logout call that is running. */
export interface QueueWork {
  extension: string;
  action: QueueAction;
  startedAt: number;
}

/** An error of the softphone's, or how the PBX ended the code's call. */
export type QueueDetail = { error: AppError } | { end: CallEnd } | null;

export interface QueueOutcome {
  extension: string;
  queueName: string;
  action: QueueAction;
  failure: QueueFailure | null;
  /** What the softphone or the PBX adds (e.g. why registration failed), for the view to word. */
  detail: QueueDetail;
  at: number;
}

/** What the agent is logged into, kept across restarts; written by the service worker only. */
export interface QueueState {
  /** By queue extension. */
  memberships: Record<string, Membership>;
  working: QueueWork | null;
  lastOutcome: QueueOutcome | null;
  /** When a membership last changed. */
  changedAt: number | null;
}

export type QueueStatus = 'static' | 'working' | 'logged-in' | 'logged-out';

export const emptyQueueState: QueueState = { memberships: {}, working: null, lastOutcome: null, changedAt: null };

/**
 * A login call takes a few seconds; one still marked running after this long was cut short (the
 * browser closed mid-call) and no longer blocks anything.
 */
export const WORK_STALE_MS = 60_000;

function runningWork(state: QueueState, now: number): QueueWork | null {
  const work = state.working;
  return work !== null && now - work.startedAt < WORK_STALE_MS && now >= work.startedAt ? work : null;
}

export function isLoggedIn(queue: QueueDefinition, state: QueueState): boolean {
  return state.memberships[queue.extension]?.loggedIn === true;
}

export function queueStatus(queue: QueueDefinition, state: QueueState, now: number): QueueStatus {
  if (queue.agent === 'static') return 'static';
  if (runningWork(state, now)?.extension === queue.extension) return 'working';
  return isLoggedIn(queue, state) ? 'logged-in' : 'logged-out';
}

/** Whether any login or logout call is running (only one may run at a time). */
export function isWorking(state: QueueState, now: number): boolean {
  return runningWork(state, now) !== null;
}

export type Begun = { ok: true; state: QueueState } | { ok: false; failure: QueueFailure };

/** Marks a login/logout as running, or says why it may not start. */
export function beginQueueAction(state: QueueState, queue: QueueDefinition, action: QueueAction, now: number): Begun {
  if (queue.agent === 'static') return { ok: false, failure: 'static_agent' };
  if (runningWork(state, now) !== null) return { ok: false, failure: 'working' };
  return { ok: true, state: { ...state, working: { extension: queue.extension, action, startedAt: now } } };
}

/** The state after a login/logout call ended: membership changes only on success. */
export function finishQueueAction(
  state: QueueState,
  queue: QueueDefinition,
  action: QueueAction,
  result: { failure: QueueFailure | null; detail: QueueDetail },
  now: number,
): QueueState {
  const working = state.working?.extension === queue.extension ? null : state.working;
  const lastOutcome: QueueOutcome = { extension: queue.extension, queueName: queue.name, action, failure: result.failure, detail: result.detail, at: now };
  if (result.failure !== null) return { ...state, working, lastOutcome };
  const memberships = { ...state.memberships, [queue.extension]: { loggedIn: action === 'login', changedAt: now } };
  return { memberships, working, lastOutcome, changedAt: now };
}

/** Records why an action was refused before any call was placed; nothing else changes. */
export function refuseQueueAction(
  state: QueueState,
  queue: Pick<QueueDefinition, 'extension' | 'name'>,
  action: QueueAction,
  failure: QueueFailure,
  detail: QueueDetail,
  now: number,
): QueueState {
  return { ...state, lastOutcome: { extension: queue.extension, queueName: queue.name, action, failure, detail, at: now } };
}

/** The dynamic queues the agent is logged into, in settings order: what "log out of all" dials. */
export function queuesToLogOut(queues: readonly QueueDefinition[], state: QueueState): QueueDefinition[] {
  return queues.filter((queue) => queue.agent === 'dynamic' && isLoggedIn(queue, state));
}

/** Queues that would ring this agent now: static ones and the dynamic ones logged into. */
export function connectedQueues(queues: readonly QueueDefinition[], state: QueueState): QueueDefinition[] {
  return queues.filter((queue) => queue.agent === 'static' || isLoggedIn(queue, state));
}

const FAILURES: QueueFailure[] = [
  'not_registered',
  'call_in_progress',
  'working',
  'static_agent',
  'unknown_queue',
  'softphone_unavailable',
  'busy',
  'rejected',
  'no_answer',
  'not_ended',
  'failed',
];
const Action = v.picklist(['login', 'logout']);
const Membership = v.object({ loggedIn: v.boolean(), changedAt: v.number() });

/** Memberships read one by one: a damaged one reads as never logged in, the others are kept. */
const Memberships = v.pipe(
  v.record(v.string(), v.unknown()),
  v.transform((stored) => Object.fromEntries(Object.entries(stored).filter((entry): entry is [string, Membership] => v.is(Membership, entry[1])))),
);

// Our own writes, read back: the codes are kept, a damaged detail is dropped rather than shown.
const StoredDetail = v.fallback(
  v.nullable(
    v.union([
      v.object({ error: v.looseObject({ code: v.string(), params: v.optional(v.array(v.string())) }) }),
      v.object({ end: v.object({ code: v.string(), cause: v.optional(v.string()), completed: v.boolean() }) }),
    ]),
  ),
  null,
) as unknown as v.GenericSchema<unknown, QueueDetail>;

const stateFields = {
  memberships: Memberships,
  working: v.nullable(v.object({ extension: v.string(), action: Action, startedAt: v.number() })),
  lastOutcome: v.nullable(
    v.object({ extension: v.string(), queueName: v.string(), action: Action, failure: v.nullable(v.picklist(FAILURES)), detail: StoredDetail, at: v.number() }),
  ),
  changedAt: v.nullable(v.number()),
};

/** Stored state, read leniently: a damaged field (or membership) falls back to a fresh one, the others are kept. */
export function storedQueueState(input: unknown): QueueState {
  return perField(stateFields, emptyQueueState, input);
}
