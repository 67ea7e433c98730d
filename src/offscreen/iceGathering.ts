import type { RTCSession } from 'jssip/lib/RTCSession';

/**
 * JsSIP sends its SDP only when ICE gathering completes, which with an unreachable STUN/TURN
 * server takes ~40 s, and even without servers waits ~110 ms for TCP host candidates that a PBX
 * media relay does not use. UDP host candidates arrive within milliseconds and a reachable
 * server's candidate within a round trip, so we stop waiting after a short budget.
 */
export const HOST_ONLY_BUDGET_MS = 20;
export const SERVER_CANDIDATE_BUDGET_MS = 100;
/** After the first server-reflexive or relay candidate, the others of its batch are a few ms away. */
export const AFTER_SERVER_CANDIDATE_MS = 10;

/** How long after the first candidate to wait for more, given what has arrived. */
export function gatheringBudgetMs(hasIceServers: boolean, sawServerCandidate: boolean): number {
  if (sawServerCandidate) return AFTER_SERVER_CANDIDATE_MS;
  return hasIceServers ? SERVER_CANDIDATE_BUDGET_MS : HOST_ONLY_BUDGET_MS;
}

export function boundIceGathering(session: RTCSession, hasIceServers: boolean): void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let deadline = Infinity;
  session.on('icecandidate', ({ candidate, ready }) => {
    const serverCandidate = candidate.type === 'srflx' || candidate.type === 'relay';
    const due = performance.now() + gatheringBudgetMs(hasIceServers, serverCandidate);
    if (due >= deadline) return;
    deadline = due;
    clearTimeout(timer);
    timer = setTimeout(() => {
      timer = undefined;
      deadline = Infinity;
      ready();
    }, due - performance.now());
  });
  const clear = (): void => {
    clearTimeout(timer);
    deadline = Infinity;
  };
  session.on('sending', clear);
  session.on('ended', clear);
  session.on('failed', clear);
}
