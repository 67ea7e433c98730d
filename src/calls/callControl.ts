import type { Preferences } from '../settings/preferences';
import type { CallSnapshot } from './snapshot';

/** Two calls at once cover call waiting and attended transfer; a third is refused. */
export const MAX_LIVE_CALLS = 2;

export type IncomingDecision = { ring: true } | { ring: false; status: 486; reason: 'do_not_disturb' | 'call_waiting_off' | 'too_many_calls' };

/** Whether a new incoming call rings, or is refused busy and why. */
export function decideIncoming(preferences: Pick<Preferences, 'doNotDisturb' | 'callWaiting'>, live: readonly CallSnapshot[]): IncomingDecision {
  if (preferences.doNotDisturb) return { ring: false, status: 486, reason: 'do_not_disturb' };
  if (live.length > 0 && !preferences.callWaiting) return { ring: false, status: 486, reason: 'call_waiting_off' };
  if (live.length >= MAX_LIVE_CALLS) return { ring: false, status: 486, reason: 'too_many_calls' };
  return { ring: true };
}

/** The calls to put on hold before `callId` takes the line (answering, resuming, swapping). */
export function callsToHold(live: readonly CallSnapshot[], callId: string): CallSnapshot[] {
  return live.filter((c) => c.id !== callId && c.state === 'active' && !c.held);
}

/** The call the agent is talking on, or would act on: a ringing call first, then the one not on hold. */
export function focusedCall(live: readonly CallSnapshot[]): CallSnapshot | undefined {
  return live.find((c) => c.state === 'incoming') ?? live.find((c) => !c.held && c.state !== 'incoming') ?? live[live.length - 1];
}

export type RingTone = 'none' | 'ring' | 'call-waiting';

/** What the ringer plays: a full ring when idle, a discreet tone over a call in progress. */
export function ringToneFor(live: readonly CallSnapshot[]): RingTone {
  if (!live.some((c) => c.state === 'incoming')) return 'none';
  return live.some((c) => c.state !== 'incoming') ? 'call-waiting' : 'ring';
}

/**
 * How to send keypad tones: in the audio (RFC 4733) when the agent prefers it and the call
 * negotiated telephone-event, otherwise as SIP INFO, so tones are never silently lost.
 */
export function dtmfTransport(preferred: 'rfc4733' | 'info', inBandNegotiated: boolean): 'RFC2833' | 'INFO' {
  return preferred === 'rfc4733' && inBandNegotiated ? 'RFC2833' : 'INFO';
}
