/** A number handed to the softphone by a click on a page, waiting for the popup to show it. */
export interface PendingNumber {
  number: string;
  at: number;
}

/** Older hand-offs are stale: the popup opened much later is about something else. */
export const PENDING_TTL_MS = 2 * 60_000;

/** A stored hand-off, or null when none (or a damaged one) is stored. */
export function storedPendingNumber(stored: unknown): PendingNumber | null {
  if (typeof stored !== 'object' || stored === null) return null;
  const { number, at } = stored as Partial<PendingNumber>;
  return typeof number === 'string' && typeof at === 'number' ? { number, at } : null;
}

export function freshPendingNumber(stored: unknown, now: number): string | null {
  const pending = storedPendingNumber(stored);
  if (pending === null) return null;
  return now - pending.at >= 0 && now - pending.at < PENDING_TTL_MS ? pending.number : null;
}
