/** Errors are values the UI can show: a stable code (for translation and tests) and a human message. */
export type ErrorCode =
  | 'not_configured'
  | 'auth_failed'
  | 'unreachable'
  | 'timeout'
  | 'registration_failed'
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
}

export function appError(code: ErrorCode, message: string): AppError {
  return { code, message };
}

/** JsSIP's registration failure causes (JsSIP.C.causes) mapped to what the agent should read. */
export function registrationError(cause: string | undefined, websocketUrl: string): AppError {
  switch (cause) {
    case 'Authentication Error':
    case 'Rejected':
    case 'Forbidden':
      return appError('auth_failed', 'Wrong username or password');
    case 'Request Timeout':
      return appError('timeout', `${websocketUrl} did not answer in time`);
    case 'Connection Error':
      return unreachable(websocketUrl);
    default:
      return appError('registration_failed', `Registration failed${cause ? `: ${cause}` : ''}`);
  }
}

export function unreachable(websocketUrl: string): AppError {
  const tlsHint = websocketUrl.startsWith('wss:') ? ' (server down, or its TLS certificate is not trusted)' : '';
  return appError('unreachable', `Cannot reach ${websocketUrl}${tlsHint}`);
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
