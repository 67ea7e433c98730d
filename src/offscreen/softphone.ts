import type { RTCSession } from 'jssip/lib/RTCSession';
import type { IncomingRequest } from 'jssip/lib/SIPMessage';
import { callsToHold, decideIncoming, dtmfTransport, MAX_LIVE_CALLS } from '../calls/callControl';
import { appError, unreachable, type AppError } from '../calls/errors';
import { reconnectDelayMs } from '../calls/reconnectPolicy';
import { offersAudio } from '../calls/remoteParty';
import {
  initialSnapshot,
  type CallPurpose,
  type CallSnapshot,
  type MicrophonePermission,
  type RegistrationSnapshot,
  type SoftphoneSnapshot,
  type VoicemailStatus,
} from '../calls/snapshot';
import { toDialString } from '../numbers/dialString';
import type { CallStats, Result } from '../protocol/api';
import { accountAddress, defaultPreferences, sameRegistration, type AccountSettings, type Preferences } from '../settings';
import { CallSession } from './callSession';
import { microphoneConstraints, openMicrophone } from './media';
import { UserAgent } from './userAgent';

const OK: Result = { ok: true, value: null };

/**
 * The softphone's small public face: views and the service worker use these commands and the
 * snapshots it publishes, never JsSIP objects.
 */
export class Softphone {
  private agent: UserAgent | null = null;
  private reconnectAttempt = 0;
  private reconnectTimer: ReturnType<typeof setTimeout> | undefined;
  private account: AccountSettings | null = null;
  private preferences: Preferences = defaultPreferences;
  private readonly calls = new Map<string, CallSession>();
  /** Incoming sessions that replace a call of ours (the far end of an attended transfer). */
  private readonly replacements = new WeakSet<RTCSession>();
  private state: SoftphoneSnapshot = initialSnapshot;
  private readonly listeners = new Set<(snapshot: SoftphoneSnapshot) => void>();
  /** Names the call queue an incoming call came through, if any (set from the queue settings). */
  queueNameOf: (session: RTCSession, invite?: IncomingRequest) => string | null = () => null;

  constructor(private readonly publish: (snapshot: SoftphoneSnapshot) => void) {}

  /** Calls `listener` after every change until the returned function is called. */
  subscribe(listener: (snapshot: SoftphoneSnapshot) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  get snapshot(): SoftphoneSnapshot {
    return this.state;
  }

  get currentPreferences(): Preferences {
    return this.preferences;
  }

  configure(account: AccountSettings | null, preferences: Preferences = this.preferences): void {
    this.preferences = preferences;
    for (const call of this.calls.values()) call.setOutputDevice(preferences.speakerId);
    this.update({ doNotDisturb: preferences.doNotDisturb });
    if (sameRegistration(this.account, account) && (this.agent !== null || this.reconnectTimer !== undefined)) return;
    this.stopAgent();
    this.reconnectAttempt = 0;
    this.account = account;
    const address = account ? accountAddress(account) : null;
    if (account === null) {
      this.setRegistration({ state: 'unconfigured', account: null, error: null });
      return;
    }
    if (!account.enabled) {
      this.setRegistration({ state: 'disabled', account: address, error: null });
      return;
    }
    this.setRegistration({ state: 'connecting', account: address, error: null });
    this.startAgent(account);
  }

  /** The network came back (browser online event): retry now instead of waiting out the delay. */
  reconnectNow(): void {
    if (this.reconnectTimer === undefined || this.account === null) return;
    clearTimeout(this.reconnectTimer);
    this.reconnectTimer = undefined;
    this.startAgent(this.account);
  }

  private startAgent(account: AccountSettings): void {
    const address = accountAddress(account);
    const agent = new UserAgent(account, {
      registration: (update) => {
        if (update.state === 'registered') this.reconnectAttempt = 0;
        this.setRegistration({ ...update, account: address });
      },
      incoming: (session, invite) => this.onIncoming(session, invite),
      voicemail: (voicemail) => this.setVoicemail(voicemail),
      connectionLost: () => this.onConnectionLost(account),
    });
    this.agent = agent;
    agent.start();
  }

  /** Calls cannot outlive their signalling: end them, then retry with backoff on a fresh UA. */
  private onConnectionLost(account: AccountSettings): void {
    for (const call of this.calls.values()) call.abandon('Connection Error');
    this.stopAgent();
    this.reconnectAttempt += 1;
    const delay = reconnectDelayMs(this.reconnectAttempt, Math.random());
    this.setRegistration({ state: 'connecting', account: accountAddress(account), error: unreachable(account.websocketUrl), retryAt: Date.now() + delay });
    this.reconnectTimer = setTimeout(() => {
      this.reconnectTimer = undefined;
      this.startAgent(account);
    }, delay);
  }

  private stopAgent(): void {
    clearTimeout(this.reconnectTimer);
    this.reconnectTimer = undefined;
    this.agent?.stop();
    this.agent = null;
  }

  setMicrophonePermission(microphone: MicrophonePermission): void {
    this.update({ microphone });
  }

  async call(target: string, purpose: CallPurpose = 'call', consultationFor: string | null = null): Promise<Result<{ callId: string }>> {
    const dial = toDialString(target);
    if (!dial.ok) return this.fail(appError('invalid_number', dial.error));
    const agent = this.agent;
    if (agent === null || !agent.registered) return this.fail(appError('not_registered', this.notRegisteredReason()));
    if (this.calls.size >= MAX_LIVE_CALLS || (this.calls.size > 0 && consultationFor === null)) {
      return this.fail(appError('call_in_progress', 'Finish the current call first'));
    }
    const microphone = await this.openMicrophone();
    if (!microphone.ok) return microphone;
    const session = agent.ua.call(`sip:${dial.dial}@${agent.account.domain}`, {
      mediaStream: microphone.value,
      pcConfig: this.pcConfig(),
      rtcOfferConstraints: { offerToReceiveAudio: true, offerToReceiveVideo: false },
    });
    const call = this.track(session, 'outgoing', purpose, microphone.value);
    if (consultationFor !== null) call.patch({ consultationFor });
    this.update({ lastError: null });
    return { ok: true, value: { callId: call.id } };
  }

  /** Places a call and resolves with it once it has ended (for service codes the PBX answers and hangs up). */
  async callUntilEnded(target: string, purpose: CallPurpose): Promise<Result<CallSnapshot>> {
    const placed = await this.call(target, purpose);
    if (!placed.ok) return placed;
    const { callId } = placed.value;
    return new Promise((resolve) => {
      const check = (snapshot: SoftphoneSnapshot): void => {
        if (snapshot.lastEndedCall?.id !== callId) return;
        unsubscribe();
        resolve({ ok: true, value: snapshot.lastEndedCall });
      };
      const unsubscribe = this.subscribe(check);
      check(this.state);
    });
  }

  async answer(callId: string): Promise<Result> {
    const call = this.calls.get(callId);
    if (!call || call.snapshot.state !== 'incoming') return this.fail(appError('call_not_found', 'That call is no longer ringing'));
    const microphone = await this.openMicrophone();
    if (!microphone.ok) return microphone;
    this.holdOthers(callId);
    call.answer(microphone.value, this.pcConfig());
    return OK;
  }

  decline(callId: string): Result {
    const call = this.calls.get(callId);
    if (!call || call.snapshot.state !== 'incoming') return this.fail(appError('call_not_found', 'That call is no longer ringing'));
    const status = this.preferences.declineWith;
    call.session.terminate({ status_code: status, reason_phrase: status === 603 ? 'Decline' : 'Busy Here' });
    return OK;
  }

  hangup(callId: string): Result {
    const call = this.calls.get(callId);
    if (!call) return this.fail(appError('call_not_found', 'That call has already ended'));
    call.session.terminate();
    return OK;
  }

  setMuted(callId: string, muted: boolean): Result {
    return this.withEstablishedCall(callId, (call) => (muted ? call.session.mute({ audio: true }) : call.session.unmute({ audio: true })));
  }

  setHeld(callId: string, held: boolean): Result {
    return this.withEstablishedCall(callId, (call) => {
      if (held) call.session.hold();
      else this.resume(call);
    });
  }

  switchTo(callId: string): Result {
    return this.withEstablishedCall(callId, (call) => this.resume(call));
  }

  sendDtmf(callId: string, tones: string): Result {
    return this.withEstablishedCall(callId, (call) => {
      const transportType = dtmfTransport(this.preferences.dtmfMethod, call.canSendTonesInAudio());
      call.session.sendDTMF(tones, { transportType, duration: 100, interToneGap: 70 } as never);
    });
  }

  transfer(callId: string, target: string): Result {
    const dial = toDialString(target);
    if (!dial.ok) return this.fail(appError('invalid_number', dial.error));
    return this.withEstablishedCall(callId, (call) => {
      call.session.refer(`sip:${dial.dial}@${this.account?.domain ?? ''}`, {
        eventHandlers: {
          requestSucceeded: () => call.session.terminate(),
          requestFailed: () => this.fail(appError('transfer_failed', 'The transfer was refused')),
        },
      } as never);
    });
  }

  async consult(callId: string, target: string): Promise<Result<{ callId: string }>> {
    const call = this.calls.get(callId);
    if (!call || call.snapshot.state !== 'active') return this.fail(appError('call_not_found', 'That call has already ended'));
    if (!call.snapshot.held) call.session.hold();
    return this.call(target, 'call', callId);
  }

  completeTransfer(callId: string, consultCallId: string): Result {
    const consultation = this.calls.get(consultCallId);
    if (!consultation || consultation.snapshot.state !== 'active') return this.fail(appError('call_not_found', 'The consulted party is no longer on the line'));
    return this.withEstablishedCall(callId, (call) => {
      call.session.refer(consultation.session.remote_identity.uri, {
        replaces: consultation.session,
        eventHandlers: {
          accepted: () => {
            call.session.terminate();
            consultation.session.terminate();
          },
          requestFailed: () => this.fail(appError('transfer_failed', 'The transfer was refused')),
          failed: () => this.fail(appError('transfer_failed', 'The transfer did not go through')),
        },
      } as never);
    });
  }

  async callStats(callId: string): Promise<CallStats | null> {
    return (await this.calls.get(callId)?.stats()) ?? null;
  }

  private onIncoming(session: RTCSession, invite?: IncomingRequest): void {
    if (this.replacements.has(session)) {
      void this.adoptReplacement(session);
      return;
    }
    if (!offersAudio(invite?.body)) {
      // Nothing to talk over (e.g. video only): refuse clearly rather than ring for a silent call.
      session.terminate({ status_code: 488, reason_phrase: 'Not Acceptable Here' });
      return;
    }
    const decision = decideIncoming(this.preferences, this.liveCalls());
    if (!decision.ring) {
      session.terminate({ status_code: decision.status, reason_phrase: 'Busy Here' });
      return;
    }
    const call = this.track(session, 'incoming', 'call', null);
    const queueName = this.queueNameOf(session, invite);
    if (queueName !== null) call.patch({ queueName });
  }

  /** The far end of an attended transfer: the new session takes over without ringing. */
  private async adoptReplacement(session: RTCSession): Promise<void> {
    const microphone = await this.openMicrophone();
    if (!microphone.ok) {
      session.terminate({ status_code: 480 });
      return;
    }
    const call = this.track(session, 'incoming', 'call', null);
    call.answer(microphone.value, this.pcConfig());
  }

  /** The transferee side: the PBX asks us to call someone else on the transferor's behalf. */
  /**
   * The transferee side: the PBX asks us to call someone else on the transferor's behalf. Accepted
   * at once, because the transferor may end our dialog right after its REFER is accepted; the new
   * call opens the microphone itself.
   */
  private onRefer(accept: (init: (session: RTCSession) => void, options: object) => void): void {
    accept((session) => this.track(session, 'outgoing', 'call', null), {
      mediaConstraints: microphoneConstraints(this.preferences.microphoneId),
      pcConfig: this.pcConfig(),
    });
  }

  private track(session: RTCSession, direction: 'incoming' | 'outgoing', purpose: CallPurpose, microphone: MediaStream | null): CallSession {
    const call = new CallSession(session, {
      direction,
      purpose,
      microphone,
      hasIceServers: (this.account?.iceServers.length ?? 0) > 0,
      speakerId: this.preferences.speakerId,
      changed: (changed) => this.onCallChanged(changed),
      refer: (accept) => this.onRefer(accept),
      replaces: (accept) => accept((replacement) => this.replacements.add(replacement)),
    });
    this.calls.set(call.id, call);
    this.publishCalls();
    return call;
  }

  private onCallChanged(call: CallSession): void {
    if (call.snapshot.state === 'ended') {
      this.calls.delete(call.id);
      this.update({ lastEndedCall: call.snapshot });
    }
    this.publishCalls();
  }

  private resume(call: CallSession): void {
    this.holdOthers(call.id);
    if (call.snapshot.held) call.session.unhold();
  }

  private holdOthers(callId: string): void {
    for (const other of callsToHold(this.liveCalls(), callId)) this.calls.get(other.id)?.session.hold();
  }

  private withEstablishedCall(callId: string, action: (call: CallSession) => void): Result {
    const call = this.calls.get(callId);
    if (!call || call.snapshot.state !== 'active') return this.fail(appError('call_not_found', 'That call has already ended'));
    try {
      action(call);
      return OK;
    } catch (error) {
      return this.fail(appError('internal', error instanceof Error ? error.message : String(error)));
    }
  }

  private liveCalls(): CallSnapshot[] {
    return [...this.calls.values()].map((c) => c.snapshot);
  }

  private publishCalls(): void {
    this.update({ calls: this.liveCalls() });
  }

  private async openMicrophone(): Promise<Result<MediaStream>> {
    const microphone = await openMicrophone(this.preferences.microphoneId);
    return microphone.ok ? { ok: true, value: microphone.stream } : this.fail(microphone.error);
  }

  private pcConfig(): RTCConfiguration {
    // Browser defaults otherwise: 'max-bundle' makes Chrome refuse answers from PBX media relays
    // that do not bundle (rtpengine answering a single audio stream), as "Bad Media Description".
    return { iceServers: this.account?.iceServers ?? [] };
  }

  private notRegisteredReason(): string {
    const { registration } = this.state;
    if (registration.state === 'unconfigured') return 'Set up your SIP account first';
    if (registration.state === 'disabled') return 'The softphone is turned off';
    return registration.error ? `Not registered: ${registration.error.message}` : 'Not registered yet';
  }

  private fail<T>(error: AppError): Result<T> {
    this.update({ lastError: error });
    return { ok: false, error };
  }

  private setRegistration(registration: RegistrationSnapshot): void {
    this.update({ registration });
  }

  private setVoicemail(voicemail: VoicemailStatus): void {
    this.update({ voicemail });
  }

  private update(patch: Partial<SoftphoneSnapshot>): void {
    this.state = { ...this.state, ...patch, seq: this.state.seq + 1 };
    this.publish(this.state);
    for (const listener of this.listeners) listener(this.state);
  }
}
