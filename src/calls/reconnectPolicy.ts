export const RECONNECT_BASE_MS = 1000;
export const RECONNECT_CAP_MS = 60_000;

/**
 * Delay before reconnection attempt `attempt` (1, 2, ...): doubling from 1 s to a 60 s cap, with
 * "equal jitter" (half fixed, half random) so a PBX that comes back is not hit by every agent at
 * once, yet a short outage is retried within seconds. `random` is in [0, 1).
 */
export function reconnectDelayMs(attempt: number, random: number): number {
  const ceiling = Math.min(RECONNECT_CAP_MS, RECONNECT_BASE_MS * 2 ** Math.max(0, attempt - 1));
  return Math.round(ceiling / 2 + (random * ceiling) / 2);
}
