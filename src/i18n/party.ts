import type { CallSnapshot } from '../calls/snapshot';
import { callContactLine } from '../contacts/callContact';

type Party = Pick<CallSnapshot, 'contact' | 'remoteName' | 'remoteNumber'>;

/** Who the other party is, as the call panel names them: the agent's contact first, then the name the caller sent, then the number. */
export function partyName(call: Party): string {
  return call.contact?.name ?? call.remoteName ?? call.remoteNumber;
}

/**
 * Who the other party is on a line that shows no number of its own ("$1 asks to transfer you",
 * "Last call: $1"): the agent's contact with its number, else the number. Never the name the far
 * end sent, which it chooses freely ("Police · +32…") and which could pass for a number there:
 * `sentName` gives that name, to be shown apart.
 */
export function partyNumber(call: Party): string {
  if (call.contact) return callContactLine(call.contact);
  return call.remoteNumber || (call.remoteName ?? '');
}

/** The name the far end sent, when the line of `partyNumber` does not already name them. */
export function sentName(call: Party): string | null {
  if (call.contact || !call.remoteNumber) return null;
  return call.remoteName;
}
