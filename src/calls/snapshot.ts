import * as v from 'valibot';
import type { ColleaguePresence } from '../colleagues/presence';
import type { CallContact } from '../contacts/callContact';
import type { CallQuality, QualityLevel } from './callQuality';
import type { AppError } from './errors';
import type { MediaReport } from './mediaDiagnosis';

export type RegistrationState = 'unconfigured' | 'disabled' | 'connecting' | 'registering' | 'registered' | 'failed';

export interface RegistrationSnapshot {
  state: RegistrationState;
  /** user@domain of the configured account, if any. */
  account: string | null;
  error: AppError | null;
  /** When the next reconnection attempt is due, while the PBX cannot be reached. */
  retryAt?: number | null;
}

export type CallDirection = 'incoming' | 'outgoing';

/** dialing -> ringing (remote alerting) -> active; incoming -> connecting -> active; any -> ended. */
export type CallState = 'dialing' | 'ringing' | 'incoming' | 'connecting' | 'active' | 'ended';

/** How a call ended, for the views to word (src/i18n/callEndText.ts). */
export type CallEndCode =
  | 'local_hangup'
  | 'remote_hangup'
  | 'busy'
  | 'rejected'
  | 'declined'
  | 'not_found'
  | 'unavailable'
  | 'no_answer'
  | 'canceled'
  | 'caller_canceled'
  | 'connection_lost'
  | 'media_unusable'
  | 'failed';

export interface CallEnd {
  code: CallEndCode;
  /** The SIP stack's own cause, for a `failed` end. */
  cause?: string;
  /** The call was set up and then ended normally. */
  completed: boolean;
}

/** A conversation, or a service code the PBX answers itself (queue login/logout). */
export type CallPurpose = 'call' | 'service-code';

export interface CallSnapshot {
  id: string;
  direction: CallDirection;
  purpose: CallPurpose;
  state: CallState;
  remoteNumber: string;
  remoteName: string | null;
  startedAt: number;
  answeredAt: number | null;
  endedAt: number | null;
  end: CallEnd | null;
  muted: boolean;
  /** On hold by us (our Hold button). */
  held: boolean;
  /** On hold by the other party: tracked apart, so our Hold/Resume stays truthful. */
  heldByRemote: boolean;
  /** A blind transfer we asked for and whose outcome the other party has not reported yet. */
  transferringTo: string | null;
  /** Set on the second call of an attended transfer: the held call it would be connected with. */
  consultationFor: string | null;
  /** The call queue an incoming call came through, when it can be told. */
  queueName?: string | null;
  /** DTMF tones the far end sent by SIP INFO (RFC 4733 tones are not visible to WebRTC). */
  receivedTones: string;
  /** The far end sent early media (a 18x with SDP): its audio plays while the call rings, not a local ringback. */
  earlyMedia?: boolean;
  /** How the line sounds now, from getStats every second while the call is up. */
  quality?: CallQuality | null;
  /** The worst level the call had, and its packet loss over the whole call, for Recent calls. */
  qualitySummary?: { worst: QualityLevel; lossPercent: number } | null;
  /** In a three-way conference with this other call: both far ends hear the agent and each other. */
  conferenceWith?: string | null;
  /** Why the call's media cannot work, when it cannot: found in the far end's SDP, its refusal, or the transport. */
  media?: MediaReport | null;
  /** The other party in the agent's contacts, looked up by number, when known. */
  contact?: CallContact | null;
}

export type MicrophonePermission = 'granted' | 'denied' | 'prompt' | 'unknown';

export interface SoftphoneSnapshot {
  /** Grows with every change, so a view can tell a newer snapshot from an older one. */
  seq: number;
  registration: RegistrationSnapshot;
  /** Calls that are not over, oldest first. */
  calls: CallSnapshot[];
  /** The most recent call that ended, so a view can say how it ended. */
  lastEndedCall: CallSnapshot | null;
  /** The last failed command (e.g. a call refused because the microphone is blocked). */
  lastError: AppError | null;
  microphone: MicrophonePermission;
  doNotDisturb: boolean;
  /** From SIP message-summary notifications; null until the PBX sends one. */
  voicemail: VoicemailStatus | null;
  /** Far ends asking to transfer the agent elsewhere (REFER), waiting for the agent's answer. */
  transferRequests: TransferRequest[];
  /** Each watched colleague's phone, by extension, from SIP dialog subscriptions. */
  colleagues?: Record<string, ColleaguePresence>;
}

/** "Bob asks to transfer you to +32 2 555 12 34": nothing is dialled unless the agent accepts. */
export interface TransferRequest {
  id: string;
  /** The call whose far end asks. */
  callId: string;
  /** The number the far end wants the agent to call. */
  number: string;
  /** The same number as a person reads it ("+32 2 555 01 03"). */
  shownNumber: string;
  /** When it is refused if the agent has not answered. */
  expiresAt: number;
}

export interface VoicemailStatus {
  waiting: boolean;
  newMessages: number | null;
  oldMessages: number | null;
}

export const initialSnapshot: SoftphoneSnapshot = {
  seq: 0,
  registration: { state: 'unconfigured', account: null, error: null },
  calls: [],
  lastEndedCall: null,
  lastError: null,
  microphone: 'unknown',
  doNotDisturb: false,
  voicemail: null,
  transferRequests: [],
};

const REGISTRATION_STATES: readonly RegistrationState[] = ['unconfigured', 'disabled', 'connecting', 'registering', 'registered', 'failed'];
const CALL_STATES: readonly CallState[] = ['dialing', 'ringing', 'incoming', 'connecting', 'active', 'ended'];

const storedSnapshotShape = v.looseObject({
  seq: v.number(),
  registration: v.looseObject({ state: v.picklist(REGISTRATION_STATES) }),
  calls: v.array(v.looseObject({ id: v.string(), state: v.picklist(CALL_STATES), direction: v.picklist(['incoming', 'outgoing']) })),
  transferRequests: v.array(v.looseObject({ id: v.string() })),
});

/**
 * A snapshot the service worker kept in session storage, for the popup's first frame, or null.
 * It was the softphone's own, so its shape is only checked where a damaged copy would break a view.
 */
export function storedSnapshot(stored: unknown): SoftphoneSnapshot | null {
  return v.is(storedSnapshotShape, stored) ? ({ ...initialSnapshot, ...stored } as unknown as SoftphoneSnapshot) : null;
}
