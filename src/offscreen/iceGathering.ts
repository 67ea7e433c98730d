import type { RTCSession } from 'jssip/lib/RTCSession';

/**
 * JsSIP sends the SDP only when ICE gathering completes, which with an unreachable STUN/TURN
 * server takes ~40 s. Host candidates arrive within milliseconds and server-reflexive ones
 * within a round trip, so we send after a short budget counted from the first candidate.
 */
export const ICE_GATHERING_BUDGET_MS = 150;

export function boundIceGathering(session: RTCSession, budgetMs = ICE_GATHERING_BUDGET_MS): void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  session.on('icecandidate', (event) => {
    if (timer !== undefined) return;
    timer = setTimeout(() => {
      timer = undefined;
      event.ready();
    }, budgetMs);
  });
  const clear = (): void => clearTimeout(timer);
  session.on('sending', clear);
  session.on('ended', clear);
  session.on('failed', clear);
}
