import { type CallNote, type CallRecord, sameNote, updatedRecord } from './callRecord';

/**
 * The outbox of call records waiting for the webhook, as pure decisions: what to send next, what
 * an answer means, when to try again. Its adapter (src/background/aftercall/outboxStore.ts) keeps
 * the entries in IndexedDB and does the fetching.
 *
 * pending → sending → (2xx) gone: delivered
 *                   → (network error, timeout, 408, 429, 5xx) pending again, after a backoff
 *                   → (any other answer) rejected: kept and shown, never tried again
 * An entry still `sending` when the browser stopped is pending again on the next start: it is
 * sent again with the same idempotency key, so a receiver that already had it keeps one copy.
 */
export type OutboxStatus = 'pending' | 'sending' | 'rejected';

/** Why an entry is still waiting, or was refused: the receiver's status or what went wrong. */
export type DeliveryProblem = { kind: 'http'; status: number } | { kind: 'network' } | { kind: 'timeout' } | { kind: 'no_permission' } | { kind: 'no_webhook' };

/** What one POST came to. */
export type DeliveryOutcome = { kind: 'http'; status: number; retryAfter?: string | null } | { kind: 'network' } | { kind: 'timeout' };

export interface OutboxEntry {
  key: string;
  callId: string;
  version: number;
  record: CallRecord;
  status: OutboxStatus;
  attempts: number;
  createdAt: number;
  nextAttemptAt: number;
  problem: DeliveryProblem | null;
}

export const BACKOFF_BASE_MS = 2000;
export const BACKOFF_MAX_MS = 5 * 60_000;
/** A Retry-After beyond this is taken as this: a receiver cannot park the outbox for a day. */
export const RETRY_AFTER_MAX_MS = 60 * 60_000;
/** Notes typed after the call are sent once the agent has stopped typing this long. */
export const NOTE_QUIET_MS = 3000;

export type Verdict = 'delivered' | 'retry' | 'rejected';

export function verdictOf(outcome: DeliveryOutcome): Verdict {
  if (outcome.kind !== 'http') return 'retry';
  const { status } = outcome;
  if (status >= 200 && status < 300) return 'delivered';
  if (status === 408 || status === 429 || status >= 500) return 'retry';
  return 'rejected';
}

/** The wait before attempt `attempt + 1`: doubling from 2 s up to 5 min, with jitter (50–100 %). */
export function backoffMs(attempt: number, random: () => number = Math.random): number {
  const full = Math.min(BACKOFF_MAX_MS, BACKOFF_BASE_MS * 2 ** Math.max(0, Math.min(30, attempt - 1)));
  return Math.round(full * (0.5 + Math.min(1, Math.max(0, random())) / 2));
}

/** A Retry-After header (seconds, or an HTTP date) as a wait from `now`; null when absent or unreadable. */
export function retryAfterMs(header: string | null | undefined, now: number): number | null {
  if (header === null || header === undefined) return null;
  const value = header.trim();
  let ms: number;
  if (/^\d{1,10}$/.test(value)) ms = Number(value) * 1000;
  else {
    if (!/[a-z]/i.test(value)) return null;
    const at = Date.parse(value);
    if (Number.isNaN(at)) return null;
    ms = at - now;
  }
  return Math.min(RETRY_AFTER_MAX_MS, Math.max(0, ms));
}

export function newEntry(record: CallRecord, now: number, notBefore = now): OutboxEntry {
  return {
    key: record.idempotencyKey,
    callId: record.callId,
    version: record.version,
    record,
    status: 'pending',
    attempts: 0,
    createdAt: now,
    nextAttemptAt: notBefore,
    problem: null,
  };
}

export function startSending(entry: OutboxEntry): OutboxEntry {
  return { ...entry, status: 'sending' };
}

/** The entry after an attempt: null once delivered (it leaves the outbox). */
export function settle(entry: OutboxEntry, outcome: DeliveryOutcome, now: number, random: () => number = Math.random): OutboxEntry | null {
  const verdict = verdictOf(outcome);
  if (verdict === 'delivered') return null;
  const problem: DeliveryProblem = outcome.kind === 'http' ? { kind: 'http', status: outcome.status } : { kind: outcome.kind };
  const attempts = entry.attempts + 1;
  if (verdict === 'rejected') return { ...entry, status: 'rejected', attempts, problem };
  const wait = (outcome.kind === 'http' ? retryAfterMs(outcome.retryAfter, now) : null) ?? backoffMs(attempts, random);
  return { ...entry, status: 'pending', attempts, nextAttemptAt: now + wait, problem };
}

/** The entry could not be tried at all (no webhook, no permission): it waits, with the reason. */
export function blocked(entry: OutboxEntry, problem: DeliveryProblem, now: number, random: () => number = Math.random): OutboxEntry {
  return { ...entry, status: 'pending', nextAttemptAt: now + backoffMs(entry.attempts + 1, random), problem };
}

/** After a restart: what was being sent is pending again, due at once. */
export function recover(entries: readonly OutboxEntry[], now: number): OutboxEntry[] {
  return entries.map((e) => (e.status === 'sending' ? { ...e, status: 'pending', nextAttemptAt: Math.min(e.nextAttemptAt, now) } : e));
}

const order = (a: OutboxEntry, b: OutboxEntry): number => a.createdAt - b.createdAt || a.version - b.version || (a.key < b.key ? -1 : 1);

/**
 * The entries to send now, oldest first, at most `limit`: pending and due, and for each call only
 * its oldest version not yet delivered (an update never overtakes the record it updates).
 */
export function due(entries: readonly OutboxEntry[], now: number, limit = Number.POSITIVE_INFINITY): OutboxEntry[] {
  const first = new Map<string, OutboxEntry>();
  for (const entry of entries) {
    if (entry.status === 'rejected') continue;
    const other = first.get(entry.callId);
    if (!other || entry.version < other.version) first.set(entry.callId, entry);
  }
  return [...first.values()]
    .filter((e) => e.status === 'pending' && e.nextAttemptAt <= now)
    .sort(order)
    .slice(0, limit);
}

/** When the next entry falls due (null: nothing waits). */
export function nextDueAt(entries: readonly OutboxEntry[]): number | null {
  let next: number | null = null;
  for (const e of entries) if (e.status === 'pending' && (next === null || e.nextAttemptAt < next)) next = e.nextAttemptAt;
  return next;
}

/**
 * The notes or disposition of a call changed after its record was made. `latest` is the newest
 * record made for the call. A version never tried yet is amended in place (the receiver has not
 * seen its key); otherwise the next version is queued. Unchanged content queues nothing.
 * Returns the entry to store (null: nothing to do) and the call's newest record.
 */
export function noteChanged(
  entries: readonly OutboxEntry[],
  latest: CallRecord,
  note: CallNote,
  now: number,
): { entry: OutboxEntry | null; latest: CallRecord } {
  if (sameNote(latest, note)) return { entry: null, latest };
  const untried = entries.find((e) => e.callId === latest.callId && e.version === latest.version && e.status === 'pending' && e.attempts === 0);
  if (untried) {
    const record: CallRecord = { ...untried.record, notes: note.notes, disposition: note.disposition };
    const quiet = untried.version > 1 ? now + NOTE_QUIET_MS : untried.nextAttemptAt;
    return { entry: { ...untried, record, nextAttemptAt: quiet }, latest: record };
  }
  const record = updatedRecord(latest, note);
  return { entry: newEntry(record, now, now + NOTE_QUIET_MS), latest: record };
}

export interface OutboxSummary {
  /** Records not delivered yet that will be tried again. */
  waiting: number;
  /** Records the receiver refused: not tried again. */
  rejected: number;
  /** Why the waiting ones wait: the problem of the last attempt. */
  problem: DeliveryProblem | null;
  nextAttemptAt: number | null;
}

export function summarize(entries: readonly OutboxEntry[]): OutboxSummary {
  let problem: DeliveryProblem | null = null;
  let problemAt = -1;
  let waiting = 0;
  let rejected = 0;
  for (const e of entries) {
    if (e.status === 'rejected') {
      rejected += 1;
      continue;
    }
    waiting += 1;
    if (e.problem && e.attempts >= 0 && e.nextAttemptAt > problemAt) {
      problem = e.problem;
      problemAt = e.nextAttemptAt;
    }
  }
  return { waiting, rejected, problem, nextAttemptAt: nextDueAt(entries) };
}
