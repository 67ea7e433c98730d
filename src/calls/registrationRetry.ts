import { reconnectDelayMs } from './reconnectPolicy';

/** Why a REGISTER (or a refresh of one) did not succeed, as the softphone tells it apart. */
export type RegistrationFailure =
  /** The PBX refused the credentials (401/407 after authenticating, or 403). */
  | { kind: 'credentials'; status: number | null }
  /** The PBX answered with another error, e.g. "503 Too many registered contacts". */
  | { kind: 'refused'; status: number; reason: string; retryAfterSeconds: number | null }
  /** No answer in time. */
  | { kind: 'timeout' };

/** Wrong credentials are retried this seldom: a settings change retries at once. */
export const CREDENTIALS_RETRY_MS = 10 * 60_000;
/** A Retry-After longer than this is cut to it, so a typo at the PBX cannot park agents for a day. */
export const MAX_RETRY_AFTER_SECONDS = 3600;

/**
 * The delay-seconds of a Retry-After header (RFC 3261 §20.33: `120 (comment);duration=60`), or
 * null when it has none. Capped at MAX_RETRY_AFTER_SECONDS.
 */
export function parseRetryAfter(header: string | null | undefined): number | null {
  if (typeof header !== 'string') return null;
  const match = /^\s*(\d{1,10})(?![\d.])/.exec(header);
  if (!match) return null;
  return Math.min(Number(match[1]), MAX_RETRY_AFTER_SECONDS);
}

/** What a registrar's final answer to a REGISTER means for the softphone. */
export function classifyRegistrationAnswer(
  status: number | null,
  reason: string,
  retryAfter: string | null | undefined,
  cause: string | undefined,
): RegistrationFailure {
  if (cause === 'Request Timeout' || (status === null && cause !== 'Authentication Error')) return { kind: 'timeout' };
  if (status === 401 || status === 403 || status === 407 || cause === 'Authentication Error') return { kind: 'credentials', status };
  return { kind: 'refused', status: status ?? 0, reason: reason.slice(0, 80), retryAfterSeconds: parseRetryAfter(retryAfter) };
}

/**
 * How long to wait before registering again after `failure`, the `attempt`-th in a row (1, 2, …).
 * The PBX's Retry-After is honoured to the letter (plus up to half a second, so agents do not all
 * come back in the same instant); wrong credentials wait long, so a stale password never becomes a
 * lock-out loop; anything else backs off like a lost connection. `random` is in [0, 1).
 */
export function registrationRetryDelayMs(failure: RegistrationFailure, attempt: number, random: number): number {
  switch (failure.kind) {
    case 'credentials':
      return CREDENTIALS_RETRY_MS;
    case 'refused':
      if (failure.retryAfterSeconds !== null) return failure.retryAfterSeconds * 1000 + Math.round(random * 500);
      return reconnectDelayMs(attempt, random);
    case 'timeout':
      return reconnectDelayMs(attempt, random);
  }
}
