import * as v from 'valibot';
import type { DeliveryProblem, OutboxSummary } from './outbox';

/** What the views show of the outbox: its summary, and a storage error if records could not be kept. */
export interface OutboxState extends OutboxSummary {
  /** The outbox could not store a record (disk full, quota): it is kept in memory and retried. */
  storageError: 'quota' | 'unavailable' | null;
}

export const emptyOutboxState: OutboxState = { waiting: 0, rejected: 0, problem: null, nextAttemptAt: null, storageError: null };

const Problem = v.variant('kind', [
  v.object({ kind: v.literal('http'), status: v.number() }),
  v.object({ kind: v.picklist(['network', 'timeout', 'no_permission', 'no_webhook']) }),
]);
const Schema = v.object({
  waiting: v.number(),
  rejected: v.number(),
  problem: v.nullable(Problem),
  nextAttemptAt: v.nullable(v.number()),
  storageError: v.nullable(v.picklist(['quota', 'unavailable'])),
});

export function storedOutboxState(input: unknown): OutboxState {
  const parsed = v.safeParse(Schema, input);
  return parsed.success ? (parsed.output as OutboxState) : emptyOutboxState;
}

export type { DeliveryProblem };
