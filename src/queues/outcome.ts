import type { AppError } from '../calls/errors';
import type { CallSnapshot, SoftphoneSnapshot } from '../calls/snapshot';
import type { QueueDetail, QueueFailure } from './state';

export interface QueueCallResult {
  failure: QueueFailure | null;
  detail: QueueDetail;
}

/** Hang up a login/logout call that the PBX has not answered after this long. */
export const SERVICE_CALL_ANSWER_TIMEOUT_MS = 15_000;
/** The PBX's message lasts about two seconds; a call it has not ended after this long reached something else. */
export const SERVICE_CALL_MAX_TALK_MS = 20_000;

/** Whether the softphone can place a login/logout call now (checked before dialing). */
export function queueCallPrecheck(snapshot: SoftphoneSnapshot): QueueCallResult | null {
  if (snapshot.registration.state !== 'registered')
    return { failure: 'not_registered', detail: snapshot.registration.error ? { error: snapshot.registration.error } : null };
  if (snapshot.calls.length > 0) return { failure: 'call_in_progress', detail: null };
  return null;
}

/** A login/logout worked when the PBX answered the code and then ended the call itself. */
export function queueCallResult(result: { ok: true; value: CallSnapshot } | { ok: false; error: AppError }): QueueCallResult {
  if (!result.ok) {
    const { error } = result;
    if (error.code === 'not_registered' || error.code === 'not_set_up' || error.code === 'turned_off') return { failure: 'not_registered', detail: { error } };
    if (error.code === 'call_in_progress') return { failure: 'call_in_progress', detail: null };
    if (error.code === 'offscreen_unavailable') return { failure: 'softphone_unavailable', detail: null };
    return { failure: 'failed', detail: { error } };
  }
  const call = result.value;
  const end = call.end?.code;
  if (call.answeredAt !== null) {
    if (end === 'remote_hangup') return { failure: null, detail: null };
    if (end === 'local_hangup') return { failure: 'not_ended', detail: null };
    return { failure: 'failed', detail: call.end ? { end: call.end } : null };
  }
  switch (end) {
    case 'busy':
      return { failure: 'busy', detail: null };
    case 'no_answer':
    case 'canceled':
    case 'local_hangup':
      return { failure: 'no_answer', detail: null };
    default:
      // Any other final answer to the INVITE (403, 404, 480, 503...): the PBX did not take the code.
      return { failure: 'rejected', detail: call.end ? { end: call.end } : null };
  }
}
