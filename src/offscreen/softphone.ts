import type { RTCSession } from 'jssip/lib/RTCSession';
import { appError, type AppError } from '../calls/errors';
import { initialSnapshot, type CallPurpose, type CallSnapshot, type MicrophonePermission, type RegistrationSnapshot, type SoftphoneSnapshot } from '../calls/snapshot';
import { toDialString } from '../numbers/dialString';
import type { CallStats, Result } from '../protocol/api';
import { accountAddress, sameRegistration, type AccountSettings } from '../settings';
import { CallSession } from './callSession';
import { openMicrophone } from './media';
import { UserAgent } from './userAgent';

/**
 * The softphone's small public face: views and the service worker use these commands and the
 * snapshots it publishes, never JsSIP objects.
 */
export class Softphone {
  private agent: UserAgent | null = null;
  private account: AccountSettings | null = null;
  private readonly calls = new Map<string, CallSession>();
  private state: SoftphoneSnapshot = initialSnapshot;
  private readonly listeners = new Set<(snapshot: SoftphoneSnapshot) => void>();

  constructor(private readonly publish: (snapshot: SoftphoneSnapshot) => void) {}

  /** Calls `listener` after every change until the returned function is called. */
  subscribe(listener: (snapshot: SoftphoneSnapshot) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  get snapshot(): SoftphoneSnapshot {
    return this.state;
  }

  configure(account: AccountSettings | null): void {
    if (this.agent !== null && sameRegistration(this.account, account)) return;
    this.agent?.stop();
    this.agent = null;
    this.account = account;
    const address = account ? accountAddress(account) : null;
    if (account === null) return this.setRegistration({ state: 'unconfigured', account: null, error: null });
    if (!account.enabled) return this.setRegistration({ state: 'disabled', account: address, error: null });
    this.setRegistration({ state: 'connecting', account: address, error: null });
    const agent = new UserAgent(account, {
      registration: (update) => this.setRegistration({ ...update, account: address }),
      incoming: (session) => this.onIncoming(session),
    });
    this.agent = agent;
    agent.start();
  }

  setMicrophonePermission(microphone: MicrophonePermission): void {
    this.update({ microphone });
  }

  async call(target: string, purpose: CallPurpose = 'call'): Promise<Result<{ callId: string }>> {
    const dial = toDialString(target);
    if (!dial.ok) return this.fail(appError('invalid_number', dial.error));
    const agent = this.agent;
    if (agent === null || !agent.registered) return this.fail(appError('not_registered', this.notRegisteredReason()));
    if (this.calls.size > 0) return this.fail(appError('call_in_progress', 'Finish the current call first'));
    const microphone = await openMicrophone();
    if (!microphone.ok) return this.fail(microphone.error);
    const session = agent.ua.call(`sip:${dial.dial}@${agent.account.domain}`, {
      mediaStream: microphone.stream,
      pcConfig: this.pcConfig(),
      rtcOfferConstraints: { offerToReceiveAudio: true, offerToReceiveVideo: false },
    });
    const call = this.track(session, 'outgoing', purpose);
    call.microphone = microphone.stream;
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
    const microphone = await openMicrophone();
    if (!microphone.ok) return this.fail(microphone.error);
    call.microphone = microphone.stream;
    call.session.answer({ mediaStream: microphone.stream, pcConfig: this.pcConfig() });
    return { ok: true, value: null };
  }

  decline(callId: string): Result {
    const call = this.calls.get(callId);
    if (!call || call.snapshot.state !== 'incoming') return this.fail(appError('call_not_found', 'That call is no longer ringing'));
    call.session.terminate({ status_code: 486, reason_phrase: 'Busy Here' });
    return { ok: true, value: null };
  }

  hangup(callId: string): Result {
    const call = this.calls.get(callId);
    if (!call) return this.fail(appError('call_not_found', 'That call has already ended'));
    call.session.terminate();
    return { ok: true, value: null };
  }

  async callStats(callId: string): Promise<CallStats | null> {
    return (await this.calls.get(callId)?.stats()) ?? null;
  }

  private onIncoming(session: RTCSession): void {
    if (this.calls.size > 0) {
      session.terminate({ status_code: 486, reason_phrase: 'Busy Here' });
      return;
    }
    this.track(session, 'incoming');
  }

  private track(session: RTCSession, direction: 'incoming' | 'outgoing', purpose: CallPurpose = 'call'): CallSession {
    const hasIceServers = (this.account?.iceServers.length ?? 0) > 0;
    const call = new CallSession(session, direction, purpose, hasIceServers, (changed) => this.onCallChanged(changed));
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

  private publishCalls(): void {
    this.update({ calls: [...this.calls.values()].map((c) => c.snapshot) });
  }

  private pcConfig(): RTCConfiguration {
    return { iceServers: this.account?.iceServers ?? [], rtcpMuxPolicy: 'require', bundlePolicy: 'max-bundle' };
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

  private update(patch: Partial<SoftphoneSnapshot>): void {
    this.state = { ...this.state, ...patch, seq: this.state.seq + 1 };
    this.publish(this.state);
    for (const listener of this.listeners) listener(this.state);
  }
}
