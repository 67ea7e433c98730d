import type { RTCSession } from 'jssip/lib/RTCSession';
import type { IncomingRequest } from 'jssip/lib/SIPMessage';
import { callsToHold, decideIncoming, dtmfTransport, MAX_LIVE_CALLS } from '../calls/callControl';
import { type AppError, appError, internalError, invalidNumber } from '../calls/errors';
import { decideRefer, REFER_ANSWER_MS } from '../calls/referPolicy';
import { offersAudio } from '../calls/remoteParty';
import type { SipIdentity } from '../calls/sipIdentity';
import {
  type CallPurpose,
  type CallSnapshot,
  initialSnapshot,
  type MicrophonePermission,
  type RegistrationSnapshot,
  type SoftphoneSnapshot,
  type TransferRequest,
  type VoicemailStatus,
} from '../calls/snapshot';
import type { ColleaguePresence } from '../colleagues/presence';
import { type CallContact, sameCallContact } from '../contacts/callContact';
import { toDialString } from '../numbers/dialString';
import type { CallStats, Result } from '../protocol/api';
import { type AccountSettings, accountAddress, accountChange, defaultPreferences, type Preferences } from '../settings';
import { CallSession, type ReferRequest, refuseIncoming, type TransferOutcome } from './callSession';
import { ConferenceMixer } from './conference';
import { microphoneConstraints, openMicrophone, stopStream } from './media';
import { Registration } from './registration';
import type { SocketFactory, UserAgent } from './userAgent';

/** A far end's REFER waiting for the agent: its answer functions and its time-out. */
interface PendingTransferRequest {
  request: TransferRequest;
  refer: ReferRequest;
  timer: ReturnType<typeof setTimeout>;
}

const OK: Result = { ok: true, value: null };
/** How long after a call is placed the same request is taken as the agent's press repeated. */
const REPEATED_REQUEST_MS = 2000;

/**
 * The softphone's small public face: views and the service worker use these commands and the
 * snapshots it publishes, never JsSIP objects.
 */
export class Softphone {
  private registration: Registration | null = null;
  private account: AccountSettings | null = null;
  /** The call being placed while the microphone opens: a second click gets the same call. */
  private placing: Promise<Result<{ callId: string }>> | null = null;
  /** The request placed last, for a repeat of it that arrives just after (see `call`). */
  private lastPlaced: { request: string; callId: string; at: number } | null = null;
  private readonly transferRequests = new Map<string, PendingTransferRequest>();
  /** An account change that needs a new registration, kept until the last call ends. */
  private deferred: { account: AccountSettings | null; identity: SipIdentity | null } | null = null;
  private preferences: Preferences = defaultPreferences;
  private readonly calls = new Map<string, CallSession>();
  /** The three-way conference mixed here, when two calls are merged. */
  private conference: ConferenceMixer | null = null;
  /** Incoming sessions that replace a call of ours (the far end of an attended transfer). */
  private readonly replacements = new WeakSet<RTCSession>();
  private state: SoftphoneSnapshot = initialSnapshot;
  private readonly listeners = new Set<(snapshot: SoftphoneSnapshot) => void>();
  /** Names the call queue an incoming call came through, if any (set from the queue settings). */
  queueNameOf: (session: RTCSession, invite?: IncomingRequest) => string | null = () => null;
  /** Until when new calls are kept away (wrap-up, not ready, do not disturb until): see availability.ts. */
  busyUntil: number | null = null;
  /** Whether an incoming call is one the agent already asked for (a pickup): answered without ringing. */
  answersAtOnce: (invite?: IncomingRequest) => boolean = () => false;
  /** The other party of a call in the agent's contacts, by its number (set from the contact directory). */
  contactOf: (number: string) => CallContact | null = () => null;
  /** A number as the agent reads it (grouped after the home country's plan; set from the caller ID settings). */
  readableNumber: (number: string) => string = (number) => number;
  /** Hears every call's remote audio as it starts playing (early media included). */
  remoteAudio: (stream: MediaStream) => () => void = () => () => undefined;

  constructor(
    private readonly publish: (snapshot: SoftphoneSnapshot) => void,
    private readonly createSocket?: SocketFactory,
  ) {}

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

  configure(account: AccountSettings | null, preferences: Preferences = this.preferences, identity: SipIdentity | null = null): void {
    this.preferences = preferences;
    for (const call of this.calls.values()) call.setOutputDevice(preferences.speakerId);
    this.update({ doNotDisturb: preferences.doNotDisturb });
    const change = accountChange(this.account, account);
    this.deferred = null;
    if (change === 'none' && this.registration !== null) return;
    if (change === 'in-place' && account !== null) {
      this.account = account;
      this.registration?.updateInPlace(account);
      return;
    }
    // A new registration would drop the calls in progress: it waits for the last one to end.
    if (this.calls.size > 0) {
      this.deferred = { account, identity };
      return;
    }
    this.registration?.stop();
    this.registration = null;
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
    if (identity === null) {
      // Without its kept identity every connection would register as a new device.
      this.setRegistration({ state: 'failed', account: address, error: appError('no_sip_identity') });
      return;
    }
    const registration = new Registration(
      account,
      identity,
      {
        state: (update) => this.setRegistration({ ...update, account: address }),
        incoming: (session, invite) => this.onIncoming(session, invite),
        voicemail: (voicemail) => this.setVoicemail(voicemail),
        // Calls cannot outlive their signalling: end them; Registration reconnects.
        connectionLost: () => {
          for (const call of this.calls.values()) call.abandon('Connection Error');
        },
      },
      this.createSocket,
    );
    this.registration = registration;
    registration.start();
  }

  /** The network came back (browser online event): retry now instead of waiting out the delay. */
  reconnectNow(): void {
    this.registration?.reconnectNow();
  }

  setMicrophonePermission(microphone: MicrophonePermission): void {
    this.update({ microphone });
  }

  /**
   * Places a call; a second request while the first is being placed gets the first one's call, and
   * so does the same request repeated just after (a double Enter that a slow popup took before it
   * showed the call), rather than a "call in progress" error.
   */
  call(target: string, purpose: CallPurpose = 'call', consultationFor: string | null = null): Promise<Result<{ callId: string }>> {
    if (this.placing !== null) return this.placing;
    const request = JSON.stringify([target, purpose, consultationFor]);
    const last = this.lastPlaced;
    if (last?.request === request && Date.now() - last.at < REPEATED_REQUEST_MS && this.calls.has(last.callId)) {
      return Promise.resolve({ ok: true, value: { callId: last.callId } });
    }
    const placing = this.place(target, purpose, consultationFor)
      .then((placed) => {
        if (placed.ok) this.lastPlaced = { request, callId: placed.value.callId, at: Date.now() };
        return placed;
      })
      .finally(() => {
        this.placing = null;
      });
    this.placing = placing;
    return placing;
  }

  private async place(target: string, purpose: CallPurpose, consultationFor: string | null): Promise<Result<{ callId: string }>> {
    const dial = toDialString(target);
    if (!dial.ok) return this.fail(invalidNumber(dial.error));
    const agent = this.registration?.registeredAgent ?? null;
    if (agent === null) return this.fail(this.notRegisteredError());
    if (this.lineBusy(consultationFor)) {
      return this.fail(appError('call_in_progress'));
    }
    const microphone = await this.openMicrophone();
    if (!microphone.ok) return microphone;
    // The account may have changed, or the connection dropped, while the microphone opened.
    if (this.registration?.registeredAgent !== agent) {
      stopStream(microphone.value);
      return this.fail(this.notRegisteredError());
    }
    // Another call may have been answered meanwhile, or the call this one consults for may have ended.
    const consulted = consultationFor === null ? null : this.calls.get(consultationFor);
    if (consultationFor !== null && (!consulted || consulted.snapshot.state === 'ended')) {
      stopStream(microphone.value);
      return this.fail(appError('call_ended'));
    }
    if (this.lineBusy(consultationFor)) {
      stopStream(microphone.value);
      return this.fail(appError('call_in_progress'));
    }
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
    if (!call || call.snapshot.state !== 'incoming') return this.fail(appError('call_not_ringing'));
    const microphone = await this.openMicrophone();
    if (!microphone.ok) return microphone;
    // The caller may have given up (CANCEL) while the microphone opened.
    if (!this.isRinging(call)) {
      stopStream(microphone.value);
      return this.fail(appError('call_ended'));
    }
    this.holdOthers(callId);
    call.answer(microphone.value, this.pcConfig());
    return OK;
  }

  /** Whether a new call must wait: two calls are up, or one is and this call consults for none. */
  private lineBusy(consultationFor: string | null): boolean {
    return this.calls.size >= MAX_LIVE_CALLS || (this.calls.size > 0 && consultationFor === null);
  }

  private isRinging(call: CallSession): boolean {
    return this.calls.get(call.id) === call && call.snapshot.state === 'incoming';
  }

  decline(callId: string): Result {
    const call = this.calls.get(callId);
    if (!call || call.snapshot.state !== 'incoming') return this.fail(appError('call_not_ringing'));
    const status = this.preferences.declineWith;
    call.refuse(status, status === 603 ? 'Decline' : 'Busy Here');
    return OK;
  }

  hangup(callId: string): Result {
    const call = this.calls.get(callId);
    if (!call) return this.fail(appError('call_ended'));
    call.hangUp();
    return OK;
  }

  setMuted(callId: string, muted: boolean): Result {
    const conference = this.conference;
    if (conference?.includes(callId)) {
      // The agent's voice only: the two far ends go on hearing each other.
      conference.setMicrophoneMuted(muted);
      for (const leg of conference.legs) this.calls.get(leg.id)?.patch({ muted });
      return OK;
    }
    return this.withEstablishedCall(callId, (call) => call.setMuted(muted));
  }

  setHeld(callId: string, held: boolean): Result {
    const partner = this.conference?.partnerOf(callId);
    return this.withEstablishedCall(callId, (call) => {
      if (partner) {
        for (const leg of [call, this.calls.get(partner.id)]) if (leg && leg.snapshot.held !== held) leg.setHeld(held);
      } else if (held) call.setHeld(true);
      else this.resume(call);
    });
  }

  /** Three-way conference: both calls off hold, each far end hearing the agent and the other. */
  async merge(callId: string, otherCallId: string): Promise<Result> {
    const [call, other] = [this.calls.get(callId), this.calls.get(otherCallId)];
    if (!call || !other || call === other || call.snapshot.state !== 'active' || other.snapshot.state !== 'active') return this.fail(appError('call_ended'));
    if (this.conference !== null) return this.fail(appError('call_in_progress'));
    const muted = call.snapshot.muted || other.snapshot.muted;
    for (const leg of [call, other]) {
      if (leg.snapshot.muted) leg.setMuted(false);
      if (leg.snapshot.held) leg.setHeld(false);
    }
    let mixer: ConferenceMixer | null;
    try {
      mixer = await ConferenceMixer.start(call, other);
    } catch (error) {
      return this.fail(internalError(error));
    }
    if (mixer === null) return this.fail(appError('call_ended'));
    this.conference = mixer;
    mixer.setMicrophoneMuted(muted);
    call.patch({ conferenceWith: other.id, consultationFor: null, muted });
    other.patch({ conferenceWith: call.id, consultationFor: null, muted });
    return OK;
  }

  /** Back to two calls: this one goes on, the other is held. */
  async split(callId: string): Promise<Result> {
    const partner = this.conference?.partnerOf(callId);
    if (!partner) return this.fail(appError('call_ended'));
    await this.endConference();
    this.calls.get(partner.id)?.setHeld(true);
    return OK;
  }

  /** Each call sends its own microphone again; a mute set in the conference stays on each call. */
  private async endConference(): Promise<void> {
    const conference = this.conference;
    if (!conference) return;
    this.conference = null;
    await conference.stop();
    for (const leg of conference.legs) {
      const call = this.calls.get(leg.id);
      if (!call || call.snapshot.state === 'ended') continue;
      const muted = call.snapshot.muted;
      call.patch({ conferenceWith: null, muted: false });
      if (muted) call.setMuted(true);
    }
  }

  switchTo(callId: string): Result {
    return this.withEstablishedCall(callId, (call) => this.resume(call));
  }

  sendDtmf(callId: string, tones: string): Result {
    return this.withEstablishedCall(callId, (call) => {
      call.sendTones(tones, dtmfTransport(this.preferences.dtmfMethod, call.canSendTonesInAudio()));
    });
  }

  /** Blind transfer: our call ends when the other party reports the new call answered, not before. */
  transfer(callId: string, target: string): Result {
    const dial = toDialString(target);
    if (!dial.ok) return this.fail(invalidNumber(dial.error));
    return this.withEstablishedCall(callId, (call) => {
      call.patch({ transferringTo: dial.dial });
      call.blindTransfer(`sip:${dial.dial}@${this.account?.domain ?? ''}`, (outcome) => this.onTransferOutcome(call, dial.dial, outcome));
    });
  }

  private onTransferOutcome(call: CallSession, target: string, outcome: TransferOutcome): void {
    if (call.snapshot.state === 'ended') return;
    call.patch({ transferringTo: null });
    if (outcome.ok) {
      call.hangUp();
      return;
    }
    const status = outcome.status === null ? '' : `${outcome.status} ${outcome.reason}`.trim();
    this.fail({ code: 'transfer_failed', params: [target, status] });
  }

  async consult(callId: string, target: string): Promise<Result<{ callId: string }>> {
    const call = this.calls.get(callId);
    if (!call || call.snapshot.state !== 'active') return this.fail(appError('call_ended'));
    if (!call.snapshot.held) call.setHeld(true);
    return this.call(target, 'call', callId);
  }

  completeTransfer(callId: string, consultCallId: string): Result {
    const consultation = this.calls.get(consultCallId);
    if (!consultation || consultation.snapshot.state !== 'active') return this.fail(appError('consulted_party_gone'));
    return this.withEstablishedCall(callId, (call) => {
      call.completeTransfer(consultation, (outcome) => {
        if (!outcome.ok) {
          this.fail({ code: 'transfer_failed', params: [consultation.snapshot.remoteNumber, ''] });
          return;
        }
        call.hangUp();
        consultation.hangUp();
      });
    });
  }

  /** The agent's answer to a far end's REFER: only this places the call it asks for. */
  answerTransferRequest(requestId: string, accept: boolean): Result {
    const pending = this.transferRequests.get(requestId);
    if (!pending) return this.fail(appError('transfer_request_gone'));
    this.dropTransferRequest(requestId);
    if (!accept) {
      pending.refer.reject();
      return OK;
    }
    // The far end may have asked over a call we were talking on: the new call takes the line.
    this.holdOthers('');
    pending.refer.accept((session) => this.track(session, 'outgoing', 'call', null), {
      mediaConstraints: microphoneConstraints(this.preferences.microphoneId),
      pcConfig: this.pcConfig(),
    });
    return OK;
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
      refuseIncoming(session, 488, 'Not Acceptable Here');
      return;
    }
    if (this.busyUntil !== null && Date.now() < this.busyUntil) {
      refuseIncoming(session, 486, 'Busy Here');
      return;
    }
    const decision = decideIncoming(this.preferences, this.liveCalls());
    if (!decision.ring) {
      refuseIncoming(session, decision.status, 'Busy Here');
      return;
    }
    const call = this.track(session, 'incoming', 'call', null);
    const queueName = this.queueNameOf(session, invite);
    if (queueName !== null) call.patch({ queueName });
    if (this.answersAtOnce(invite)) void this.answer(call.id);
  }

  /** The user agent calls are placed on, while registered (colleague subscriptions use it too). */
  get registeredUserAgent(): UserAgent | null {
    return this.registration?.registeredAgent ?? null;
  }

  setColleagues(colleagues: Record<string, ColleaguePresence>): void {
    this.update({ colleagues });
  }

  /** The far end of an attended transfer: the new session takes over without ringing. */
  private async adoptReplacement(session: RTCSession): Promise<void> {
    // Tracked first, so that a CANCEL while the microphone opens ends it in our books too.
    const call = this.track(session, 'incoming', 'call', null);
    const microphone = await this.openMicrophone();
    if (!microphone.ok) {
      call.refuse(480, 'Temporarily Unavailable');
      return;
    }
    if (!this.isRinging(call)) {
      stopStream(microphone.value);
      return;
    }
    call.answer(microphone.value, this.pcConfig());
  }

  /**
   * The transferee side: the far end asks us to call someone else. Never dialled on its word:
   * refused at once when policy says so (NOTIFY 603), else put to the agent, and refused if they
   * do not answer in time. JsSIP has already answered 202, so the wait costs the far end nothing.
   */
  private onRefer(call: CallSession, refer: ReferRequest): void {
    const decision = decideRefer({
      targetUser: refer.targetUser,
      targetHost: refer.targetHost,
      accountDomain: this.account?.domain ?? '',
      serverHost: serverHost(this.account?.websocketUrl ?? ''),
      doNotDisturb: this.preferences.doNotDisturb,
      liveCalls: this.calls.size,
      alreadyAsking: [...this.transferRequests.values()].some((p) => p.request.callId === call.id),
    });
    if (!decision.ask) {
      console.info('transfer request refused:', decision.reason);
      refer.reject();
      return;
    }
    const request: TransferRequest = {
      id: crypto.randomUUID(),
      callId: call.id,
      number: decision.number,
      shownNumber: this.readableNumber(decision.number),
      expiresAt: Date.now() + REFER_ANSWER_MS,
    };
    const timer = setTimeout(() => {
      if (!this.transferRequests.has(request.id)) return;
      this.dropTransferRequest(request.id);
      refer.reject();
    }, REFER_ANSWER_MS);
    this.transferRequests.set(request.id, { request, refer, timer });
    this.publishTransferRequests();
  }

  private dropTransferRequest(requestId: string): void {
    const pending = this.transferRequests.get(requestId);
    if (!pending) return;
    clearTimeout(pending.timer);
    this.transferRequests.delete(requestId);
    this.publishTransferRequests();
  }

  private publishTransferRequests(): void {
    this.update({ transferRequests: [...this.transferRequests.values()].map((p) => p.request) });
  }

  private track(session: RTCSession, direction: 'incoming' | 'outgoing', purpose: CallPurpose, microphone: MediaStream | null): CallSession {
    const call = new CallSession(session, {
      direction,
      purpose,
      microphone,
      hasIceServers: (this.account?.iceServers.length ?? 0) > 0,
      speakerId: this.preferences.speakerId,
      changed: (changed) => this.onCallChanged(changed),
      refer: (refer) => this.onRefer(call, refer),
      replaces: (accept) => accept((replacement) => this.replacements.add(replacement)),
      heard: (stream) => this.remoteAudio(stream),
    });
    this.calls.set(call.id, call);
    this.publishCalls();
    return call;
  }

  private onCallChanged(call: CallSession): void {
    if (call.snapshot.state === 'ended') {
      this.calls.delete(call.id);
      // The other far end stays on the line with the agent.
      if (this.conference?.includes(call.id)) void this.endConference();
      if (this.calls.size === 0 && this.deferred !== null) {
        const { account, identity } = this.deferred;
        queueMicrotask(() => this.configure(account, this.preferences, identity));
      }
      for (const pending of this.transferRequests.values()) {
        if (pending.request.callId !== call.id) continue;
        this.dropTransferRequest(pending.request.id);
        pending.refer.reject();
      }
      this.update({ lastEndedCall: call.snapshot });
    }
    this.publishCalls();
  }

  private resume(call: CallSession): void {
    this.holdOthers(call.id);
    if (call.snapshot.held) call.setHeld(false);
  }

  private holdOthers(callId: string): void {
    const partner = this.conference?.partnerOf(callId)?.id;
    for (const other of callsToHold(this.liveCalls(), callId)) if (other.id !== partner) this.calls.get(other.id)?.setHeld(true);
  }

  private withEstablishedCall(callId: string, action: (call: CallSession) => void): Result {
    const call = this.calls.get(callId);
    if (!call || call.snapshot.state !== 'active') return this.fail(appError('call_ended'));
    try {
      action(call);
      return OK;
    } catch (error) {
      return this.fail(internalError(error));
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

  private notRegisteredError(): AppError {
    const { state } = this.state.registration;
    if (state === 'unconfigured') return appError('not_set_up');
    if (state === 'disabled') return appError('turned_off');
    return appError('not_registered');
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

  /** Names the calls again after a change of the contacts. */
  renameCalls(): void {
    this.update({});
  }

  private named(call: CallSnapshot): CallSnapshot {
    const contact = this.contactOf(call.remoteNumber);
    return sameCallContact(call.contact, contact) ? call : { ...call, contact };
  }

  private update(patch: Partial<SoftphoneSnapshot>): void {
    const next = { ...this.state, ...patch, seq: this.state.seq + 1 };
    next.calls = next.calls.map((c) => this.named(c));
    if (next.lastEndedCall) next.lastEndedCall = this.named(next.lastEndedCall);
    this.state = next;
    this.publish(this.state);
    for (const listener of this.listeners) listener(this.state);
  }
}

function serverHost(websocketUrl: string): string {
  try {
    return new URL(websocketUrl).hostname;
  } catch {
    return '';
  }
}
