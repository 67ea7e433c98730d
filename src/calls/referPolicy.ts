import { MAX_LIVE_CALLS } from './callControl';

/** A REFER's target and the circumstances it arrives in. */
export interface ReferContext {
  /** Refer-To's user part and host, as received. */
  targetUser: string | null;
  targetHost: string;
  /** The account's SIP domain, and the host of the WebSocket server it registers through. */
  accountDomain: string;
  serverHost: string;
  doNotDisturb: boolean;
  liveCalls: number;
  /** A transfer request of this call is already waiting for the agent. */
  alreadyAsking: boolean;
}

export type ReferRefusal = 'other_domain' | 'feature_code' | 'not_a_number' | 'do_not_disturb' | 'too_many_calls' | 'already_asking';

export type ReferDecision = { ask: true; number: string } | { ask: false; reason: ReferRefusal };

/** Refer-To user parts the softphone may offer to call: a number or extension, with an optional +. */
const DIALABLE = /^\+?[0-9]{1,32}$/;

/**
 * Whether a far end's REFER ("call this number instead") is put to the agent, or refused at once
 * (NOTIFY 603). It never dials by itself: the agent accepts or refuses on the extension's own UI.
 * Refused outright: targets outside the account's domain (the call would leave the PBX with the
 * agent's credentials), feature codes (`*21*…#` forwards the agent's calls), anything but digits,
 * and whatever do-not-disturb or the two-call limit would refuse for a new call.
 */
export function decideRefer(context: ReferContext): ReferDecision {
  const host = context.targetHost.toLowerCase();
  if (host !== context.accountDomain.toLowerCase() && host !== context.serverHost.toLowerCase()) return { ask: false, reason: 'other_domain' };
  const user = context.targetUser ?? '';
  if (/^[*#]/.test(user) || /[*#]/.test(user)) return { ask: false, reason: 'feature_code' };
  if (!DIALABLE.test(user)) return { ask: false, reason: 'not_a_number' };
  if (context.doNotDisturb) return { ask: false, reason: 'do_not_disturb' };
  if (context.alreadyAsking) return { ask: false, reason: 'already_asking' };
  if (context.liveCalls >= MAX_LIVE_CALLS) return { ask: false, reason: 'too_many_calls' };
  return { ask: true, number: user };
}

/** How long a transfer request waits for the agent before it is refused. */
export const REFER_ANSWER_MS = 20_000;
