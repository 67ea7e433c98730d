import type { QueueErrorCode, QueueFailure, QueueField, QueueOutcome, QueueSettingsError } from '../queues';
import { type MessageKey, t } from '.';
import { callEndText, errorText as softphoneErrorText } from './errorText';

/** The queues' wording, wherever it shows: popup, settings page, notifications, toolbar tooltip. */

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
  const detail = outcome.detail === null ? '' : 'error' in outcome.detail ? softphoneErrorText(outcome.detail.error) : callEndText(outcome.detail.end);
  const reason = t(reasons[outcome.failure]) + (detail ? ` (${detail})` : '');
  return t(outcome.action === 'login' ? 'queueLoginFailed' : 'queueLogoutFailed', [outcome.queueName, reason]);
}

export function describeQueueOutcomes(outcomes: readonly QueueOutcome[]): string {
  if (outcomes.length === 0) return t('queuesNothingToLogOut');
  if (outcomes.every((o) => o.failure === null)) return t('queuesLoggedOutOfAll');
  return outcomes.map(describeQueueOutcome).join(' ');
}

const errorText: Record<QueueErrorCode, MessageKey> = {
  required: 'queueErrorRequired',
  too_long: 'queueErrorTooLong',
  not_dialable: 'queueErrorNotDialable',
  bad_agent: 'queueErrorBadAgent',
  duplicate_name: 'queueErrorDuplicateName',
  duplicate_number: 'queueErrorDuplicateNumber',
  same_codes: 'queueErrorSameCodes',
  bad_time: 'queueErrorBadTime',
  too_many: 'queueErrorTooMany',
  not_json: 'queueErrorNotJson',
  malformed: 'queueErrorMalformed',
};

const fieldLabel: Record<QueueField, MessageKey> = {
  name: 'queueFieldName',
  extension: 'queueFieldExtension',
  loginCode: 'queueFieldLoginCode',
  logoutCode: 'queueFieldLogoutCode',
  agent: 'queueFieldAgent',
  callerNamePrefix: 'queueFieldPrefix',
};

/** What is wrong, without where: "use digits, * and # only". */
export function queueErrorText(code: QueueErrorCode): string {
  return t(errorText[code]);
}

/** A queue setting's label: "Agent connection code". */
export function queueFieldLabel(field: QueueField): string {
  return t(fieldLabel[field]);
}

/** One problem in one sentence, e.g. "queue 2, Agent connection code: use digits, * and # only". */
export function describeQueueSettingsError(error: QueueSettingsError): string {
  const reason = queueErrorText(error.code);
  if (error.queue === null || error.field === 'form' || error.field === 'reminder') return reason;
  return t('queueErrorAt', [String(error.queue + 1), queueFieldLabel(error.field), reason]);
}
