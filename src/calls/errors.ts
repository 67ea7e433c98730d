import type { NumberProblem } from '../numbers/dialString';

/**
 * Errors are values the UI can show: a stable code and the parameters the view needs to say it in
 * the agent's language (src/i18n/errorText.ts). No context sends sentences to another.
 */
export type AppError =
  | { code: 'auth_failed' }
  /** The WebSocket would not open: the URL (a wss:// one may be a certificate the browser does not trust). */
  | { code: 'unreachable'; params: [url: string] }
  | { code: 'timeout'; params: [url: string] }
  /** The registrar's own status and reason. */
  | { code: 'registration_refused'; params: [status: string, reason: string] }
  | { code: 'no_sip_identity' }
  | { code: 'not_set_up' }
  | { code: 'turned_off' }
  | { code: 'not_registered' }
  | { code: 'microphone_denied' }
  | { code: 'microphone_missing' }
  | { code: 'microphone_failed'; params: [domExceptionName: string] }
  | { code: 'invalid_number'; problem: NumberProblem }
  | { code: 'call_in_progress' }
  | { code: 'call_not_ringing' }
  | { code: 'call_ended' }
  | { code: 'consulted_party_gone' }
  | { code: 'transfer_request_gone' }
  | { code: 'nothing_to_pick_up' }
  | { code: 'pickup_not_set_up' }
  /** The target, and the far end's status and reason when it gave one. */
  | { code: 'transfer_failed'; params: [target: string, status: string] }
  | { code: 'offscreen_unavailable' }
  | { code: 'invalid_settings' }
  | { code: 'site_access_refused'; params: [site: string] }
  | { code: 'all_sites_refused' }
  | { code: 'click_to_call_off' }
  | { code: 'not_a_web_site'; params: [site: string] }
  /** Something the softphone did not expect; the detail is for support, not translated. */
  | { code: 'internal'; params: [detail: string] };

/** An error that needs nothing but its code. */
export function appError(code: Exclude<AppError, { params: unknown } | { problem: unknown }>['code']): AppError {
  return { code } as AppError;
}

export function unreachable(websocketUrl: string): AppError {
  return { code: 'unreachable', params: [websocketUrl] };
}

/** The registrar said no: its own status and reason, for the agent and their administrator. */
export function registrationRefused(status: number, reason: string): AppError {
  return { code: 'registration_refused', params: [String(status), reason] };
}

export function invalidNumber(problem: NumberProblem): AppError {
  return { code: 'invalid_number', problem };
}

export function internalError(error: unknown): AppError {
  return { code: 'internal', params: [error instanceof Error ? error.message : String(error)] };
}

/** getUserMedia failures (DOMException names) mapped to what the agent can do about them. */
export function microphoneError(name: string | undefined): AppError {
  switch (name) {
    case 'NotAllowedError':
    case 'SecurityError':
      return appError('microphone_denied');
    case 'NotFoundError':
    case 'OverconstrainedError':
      return appError('microphone_missing');
    default:
      return { code: 'microphone_failed', params: [name ?? ''] };
  }
}
