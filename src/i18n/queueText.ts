import type { QueueFailure, QueueOutcome } from '../queues';
import { t, type MessageKey } from '.';

const reasons: Record<QueueFailure, MessageKey> = {
  not_registered: 'queueFailureNotRegistered',
  call_in_progress: 'queueFailureCallInProgress',
  working: 'queueFailureWorking',
  static_agent: 'queueFailureStaticAgent',
  unknown_queue: 'queueFailureUnknownQueue',
  softphone_unavailable: 'queueFailureSoftphoneUnavailable',
  busy: 'queueFailureBusy',
  rejected: 'queueFailureRejected',
  no_answer: 'queueFailureNoAnswer',
  not_ended: 'queueFailureNotEnded',
  failed: 'queueFailureFailed',
};

/** What a login or logout did, in the agent's words. */
export function describeQueueOutcome(outcome: QueueOutcome): string {
  if (outcome.failure === null) return t(outcome.action === 'login' ? 'queueLoggedIn' : 'queueLoggedOut', outcome.queueName);
  const reason = t(reasons[outcome.failure]) + (outcome.detail ? ` (${outcome.detail})` : '');
  return t(outcome.action === 'login' ? 'queueLoginFailed' : 'queueLogoutFailed', [outcome.queueName, reason]);
}

export function describeQueueOutcomes(outcomes: readonly QueueOutcome[]): string {
  if (outcomes.length === 0) return t('queuesNothingToLogOut');
  if (outcomes.every((o) => o.failure === null)) return t('queuesLoggedOutOfAll');
  return outcomes.map(describeQueueOutcome).join(' ');
}
