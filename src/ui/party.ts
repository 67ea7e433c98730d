import type { CallSnapshot } from '../calls/snapshot';

/** Who the other party is, as the views name them: the agent's contact first, then the name the caller sent, then the number. */
export function partyName(call: Pick<CallSnapshot, 'contact' | 'remoteName' | 'remoteNumber'>): string {
  return call.contact?.name ?? call.remoteName ?? call.remoteNumber;
}
