/** A number handed to the softphone by a click on a page, waiting for the popup to show it. */
export interface PendingNumber {
  number: string;
  at: number;
}

/** Where the hand-off waits: session storage, gone with the browser session. */
export const PENDING_NUMBER_KEY = 'pendingNumber';

/** Older hand-offs are stale: the popup opened much later is about something else. */
export const PENDING_TTL_MS = 2 * 60_000;

export function freshPendingNumber(stored: unknown, now: number): string | null {
  if (typeof stored !== 'object' || stored === null) return null;
  const { number, at } = stored as Partial<PendingNumber>;
  if (typeof number !== 'string' || typeof at !== 'number') return null;
  return now - at >= 0 && now - at < PENDING_TTL_MS ? number : null;
}
