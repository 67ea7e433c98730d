/** Errors are values the UI can show: a stable code (for translation and tests) and a human message. */
export type ErrorCode =
  | 'not_configured'
  | 'auth_failed'
  | 'unreachable'
  | 'timeout'
  | 'registration_failed'
  | 'registration_refused'
  | 'not_registered'
  | 'microphone_denied'
  | 'microphone_missing'
  | 'microphone_failed'
  | 'invalid_number'
  | 'call_in_progress'
  | 'call_not_found'
  | 'transfer_failed'
  | 'offscreen_unavailable'
  | 'invalid_settings'
  | 'internal';

export interface AppError {
  code: ErrorCode;
  message: string;
  /** What the view needs to say it in the agent's language (e.g. the PBX's status and reason). */
  params?: string[];
}

export function appError(code: ErrorCode, message: string, params?: string[]): AppError {
  return params ? { code, message, params } : { code, message };
}

export function unreachable(websocketUrl: string): AppError {
  const tlsHint = websocketUrl.startsWith('wss:') ? ' (server down, or its TLS certificate is not trusted)' : '';
  return appError('unreachable', `Cannot reach ${websocketUrl}${tlsHint}`, [websocketUrl]);
}

/** The registrar said no: its own status and reason, for the agent and their administrator. */
export function registrationRefused(status: number, reason: string): AppError {
  return appError('registration_refused', `The PBX refused the registration: ${status} ${reason}`, [String(status), reason]);
}

/** getUserMedia failures (DOMException names) mapped to what the agent can do about them. */
export function microphoneError(name: string | undefined): AppError {
  switch (name) {
    case 'NotAllowedError':
    case 'SecurityError':
      return appError('microphone_denied', 'Microphone access is blocked: allow it for VoIP Widget on the setup page');
    case 'NotFoundError':
    case 'OverconstrainedError':
      return appError('microphone_missing', 'No microphone found: plug one in and try again');
    default:
      return appError('microphone_failed', `The microphone could not be opened${name ? ` (${name})` : ''}`);
  }
}

export function toAppError(error: unknown): AppError {
  if (isAppError(error)) return error;
  return appError('internal', error instanceof Error ? error.message : String(error));
}

export function isAppError(value: unknown): value is AppError {
  return typeof value === 'object' && value !== null && typeof (value as AppError).code === 'string' && typeof (value as AppError).message === 'string';
}
