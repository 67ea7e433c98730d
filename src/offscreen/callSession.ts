import type { RTCSession } from 'jssip/lib/RTCSession';
import { assessQuality, SILENCE_MS, type StatsSample, worseLevel } from '../calls/callQuality';
import { applyCallEvent, type CallEvent, newCall } from '../calls/callState';
import { bringsEarlyMedia } from '../calls/callTones';
import { diagnoseRefusal, diagnoseRemoteSdp, diagnoseTransport, type MediaReport, transportDetails } from '../calls/mediaDiagnosis';
import { cleanDisplayName, cleanRemoteNumber } from '../calls/remoteParty';
import type { CallDirection, CallPurpose, CallSnapshot } from '../calls/snapshot';
import type { CallStats } from '../protocol/api';
import { boundIceGathering } from './iceGathering';
import { RemoteAudio, stopStream } from './media';

type Accept<T extends unknown[]> = (...args: T) => void;

/** A far end's REFER: where it asks us to call, and the two ways to answer it. */
export interface ReferRequest {
  targetUser: string | null;
  targetHost: string;
  /** Calls the target (the agent accepted); `init` receives the new session. */
  accept(init: (session: RTCSession) => void, options: object): void;
  /** Tells the far end no (NOTIFY 603). */
  reject(): void;
}

/** How a blind transfer we asked for ended, as the other party reported it (NOTIFY sipfrag). */
export type TransferOutcome = { ok: true } | { ok: false; status: number | null; reason: string };

export interface CallSessionOptions {
  direction: CallDirection;
  purpose: CallPurpose;
  microphone: MediaStream | null;
  hasIceServers: boolean;
  speakerId: string;
  changed(call: CallSession): void;
  /** The far end asks us to call someone else (we are being transferred). */
  refer(request: ReferRequest): void;
  /** An INVITE with Replaces for this call arrived (we are the target of an attended transfer). */
  replaces(accept: Accept<[init: (session: RTCSession) => void]>): void;
  /** The far end's audio starts playing; the returned function is called when the call ends. */
  heard?(stream: MediaStream): () => void;
}

/** JsSIP's end causes for media the softphone could not use (JsSIP.C.causes). */
const MEDIA_CAUSES = new Set(['Missing SDP', 'Bad Media Description', 'Incompatible SDP']);

/** One call: a JsSIP RTCSession, its snapshot, its microphone stream and its remote audio. */
export class CallSession {
  private qualityTimer: ReturnType<typeof setInterval> | undefined;
  snapshot: CallSnapshot;
  private readonly audio: RemoteAudio;
  private microphone: MediaStream | null;
  private unhear: () => void = () => undefined;
  /** The SDP we sent last and the far end's last, for telling why media fails. */
  private localSdp: string | null = null;
  private remoteSdp: string | null = null;

  constructor(
    readonly session: RTCSession,
    private readonly options: CallSessionOptions,
  ) {
    const identity = session.remote_identity;
    this.snapshot = newCall(
      session.id,
      options.direction,
      cleanRemoteNumber(identity.uri.user),
      cleanDisplayName(identity.display_name),
      Date.now(),
      options.purpose,
    );
    this.microphone = options.microphone;
    this.audio = new RemoteAudio(options.speakerId);
    boundIceGathering(session, options.hasIceServers);
    session.on('peerconnection', ({ peerconnection }) => this.playRemoteAudio(peerconnection));
    if (session.connection) this.playRemoteAudio(session.connection);
    session.on('progress', ({ originator, response }: { originator: string; response?: { status_code?: unknown; body?: unknown } }) =>
      this.apply({ type: 'progress', earlyMedia: originator === 'remote' && bringsEarlyMedia(response?.status_code, response?.body) }),
    );
    session.on('accepted', () => this.apply({ type: 'accepted', at: Date.now() }));
    session.on('confirmed', () => this.apply({ type: 'confirmed', at: Date.now() }));
    session.on('hold', ({ originator }: { originator: string }) => this.apply({ type: originator === 'remote' ? 'held-by-remote' : 'held' }));
    session.on('unhold', ({ originator }: { originator: string }) => this.apply({ type: originator === 'remote' ? 'resumed-by-remote' : 'resumed' }));
    session.on('muted', () => this.apply({ type: 'muted' }));
    session.on('unmuted', () => this.apply({ type: 'unmuted' }));
    session.on('newDTMF', (event: { originator: string; dtmf: { tone?: unknown } }) => {
      if (event.originator === 'remote') this.apply({ type: 'tone', tone: String(event.dtmf.tone ?? '').slice(0, 1) });
    });
    // JsSIP types these accept() functions loosely; their real signatures are the ones below.
    session.on('refer', ({ request, accept, reject }) => {
      const target = (request as unknown as { refer_to: { uri: { user: string | null; host: string } } }).refer_to.uri;
      options.refer({ targetUser: target.user, targetHost: target.host, accept: accept as ReferRequest['accept'], reject: reject as ReferRequest['reject'] });
    });
    session.on('replaces', ({ accept }) =>
      options.replaces((init) =>
        (accept as Accept<[init: (session: RTCSession) => void]>)((replacement) => {
          // JsSIP ends this call once its replacement is confirmed, but throws if the transferor
          // has already ended it, and the throw skips every later 'confirmed' listener.
          replacement.removeAllListeners('confirmed');
          replacement.on('confirmed', () => {
            if (!session.isEnded()) session.terminate();
          });
          init(replacement);
        }),
      ),
    );
    session.on('sdp', ({ originator, sdp }: { originator: string; sdp: string }) => {
      if (originator === 'remote') this.remoteSdp = sdp;
      else this.localSdp = sdp;
    });
    const end = ({ cause, originator, message }: { cause: string; originator: string; message?: unknown }): void => {
      if (MEDIA_CAUSES.has(cause)) this.snapshot = { ...this.snapshot, media: this.mediaReport(message) };
      this.apply({ type: 'ended', at: Date.now(), cause, originator: originator === 'local' || originator === 'remote' ? originator : 'system' });
    };
    session.on('ended', end);
    session.on('failed', end);
  }

  get id(): string {
    return this.snapshot.id;
  }

  /** Why the media of a call that failed on it cannot work: the far end's refusal, or its SDP. */
  private mediaReport(message: unknown): MediaReport | null {
    const response = message as { status_code?: unknown; reason_phrase?: unknown; getHeader?: (name: string) => string | undefined } | undefined;
    if (typeof response?.status_code === 'number' && response.status_code >= 400) {
      return diagnoseRefusal(response.status_code, String(response.reason_phrase ?? ''), response.getHeader?.('Warning') ?? null);
    }
    if (this.remoteSdp === null) return null;
    const report = diagnoseRemoteSdp(this.remoteSdp, this.options.direction === 'outgoing' ? this.localSdp : null);
    return report.problems.length > 0 ? report : null;
  }

  /**
   * What the far end sends us, from the receiver itself: the browser takes the track out of the
   * call's stream while the call is held, and a call just taken off hold may not have it back yet.
   */
  remoteStream(): MediaStream | null {
    const track = this.session.connection?.getReceivers().find((r) => r.track.kind === 'audio')?.track;
    return track ? new MediaStream([track]) : null;
  }

  audioSender(): RTCRtpSender | null {
    return this.session.connection?.getSenders().find((s) => s.track?.kind === 'audio' || s.track === null) ?? null;
  }

  answer(microphone: MediaStream, pcConfig: RTCConfiguration): void {
    this.microphone = microphone;
    this.session.answer({ mediaStream: microphone, pcConfig });
  }

  hangUp(status?: { status_code: number; reason_phrase: string }): void {
    this.session.terminate(status);
  }

  /** Refuses this ringing call with `status`; one the caller has already given up needs nothing sent. */
  refuse(status: number, reason: string): void {
    refuseIncoming(this.session, status, reason);
  }

  setMuted(muted: boolean): void {
    if (muted) this.session.mute({ audio: true });
    else this.session.unmute({ audio: true });
  }

  setHeld(held: boolean, attempts = 25): void {
    const asked = held ? this.session.hold() : this.session.unhold();
    if (asked || this.snapshot.state === 'ended' || this.session.isOnHold().local === held || attempts <= 1) return;
    // A renegotiation (an earlier hold or resume) is still under way: ask again once it is done.
    setTimeout(() => {
      if (this.session.isOnHold().local !== held) this.setHeld(held, attempts - 1);
    }, 200);
  }

  sendTones(tones: string, transportType: 'RFC2833' | 'INFO'): void {
    this.session.sendDTMF(tones, { transportType, duration: 100, interToneGap: 70 } as never);
  }

  /**
   * Blind transfer: asks the other party to call `target`. The outcome is what the other party
   * reports of its new call (NOTIFY with a sipfrag), not the 202 that only says it will try.
   */
  blindTransfer(target: string, done: (outcome: TransferOutcome) => void): void {
    let settled = false;
    const settle = (outcome: TransferOutcome): void => {
      if (settled) return;
      settled = true;
      done(outcome);
    };
    type StatusLine = { status_line?: { status_code?: number; reason_phrase?: string }; response?: { status_code?: number; reason_phrase?: string } };
    const failed = ({ status_line, response }: StatusLine): void =>
      settle({
        ok: false,
        status: status_line?.status_code ?? response?.status_code ?? null,
        reason: status_line?.reason_phrase ?? response?.reason_phrase ?? '',
      });
    this.session.refer(target, {
      eventHandlers: { accepted: () => settle({ ok: true }), failed, requestFailed: failed },
    } as never);
  }

  /** Attended transfer: connects the other party with `consultation`'s, replacing that call. */
  completeTransfer(consultation: CallSession, done: (outcome: TransferOutcome) => void): void {
    this.session.refer(consultation.session.remote_identity.uri, {
      replaces: consultation.session,
      eventHandlers: {
        accepted: () => done({ ok: true }),
        requestFailed: () => done({ ok: false, status: null, reason: '' }),
        failed: () => done({ ok: false, status: null, reason: '' }),
      },
    } as never);
  }

  /** Facts JsSIP does not report as events (e.g. which call this one consults for). */
  patch(fields: Partial<Pick<CallSnapshot, 'consultationFor' | 'queueName' | 'transferringTo' | 'conferenceWith' | 'muted'>>): void {
    this.snapshot = { ...this.snapshot, ...fields };
    this.options.changed(this);
  }

  /** Ends the call in our books when its signalling is gone (nothing can be sent any more). */
  abandon(cause: string): void {
    this.apply({ type: 'ended', at: Date.now(), cause, originator: 'system' });
    try {
      this.session.terminate();
    } catch {
      // Already terminated on JsSIP's side.
    }
  }

  /** Whether the far end accepted telephone-event (RFC 4733) for this call's audio. */
  canSendTonesInAudio(): boolean {
    const sender = this.session.connection?.getSenders().find((s) => s.track?.kind === 'audio');
    return sender?.dtmf?.canInsertDTMF === true;
  }

  setOutputDevice(speakerId: string): void {
    this.audio.setSink(speakerId);
  }

  private apply(event: CallEvent): void {
    this.snapshot = applyCallEvent(this.snapshot, event);
    if (event.type === 'ended') this.release();
    else if (this.snapshot.state === 'active') this.watchQuality();
    this.options.changed(this);
  }

  /** Reads getStats every second while the call is up, and publishes how the line sounds. */
  private watchQuality(): void {
    if (this.qualityTimer !== undefined) return;
    const samples: StatsSample[] = [];
    let first: StatsSample | null = null;
    this.qualityTimer = setInterval(async () => {
      const read = await this.readStats().catch(() => null);
      if (read === null || this.snapshot.state !== 'active') return;
      const { stats, transport } = read;
      this.watchTransport(transport);
      const sample: StatsSample = { at: Date.now(), ...stats };
      first ??= sample;
      samples.push(sample);
      // Long enough for the silence window, short enough to follow a line that gets better.
      while (samples.length > 0 && samples[0]!.at < sample.at - SILENCE_MS - 1500) samples.shift();
      const quality = assessQuality(samples, this.snapshot);
      if (quality === null) return;
      const whole = assessQuality([first, sample], { muted: true, held: true, heldByRemote: true });
      const qualitySummary = {
        worst: worseLevel(this.snapshot.qualitySummary?.worst ?? null, quality.level) ?? quality.level,
        lossPercent: whole?.lossPercent ?? 0,
      };
      const changed = JSON.stringify(quality) !== JSON.stringify(this.snapshot.quality) || qualitySummary.worst !== this.snapshot.qualitySummary?.worst;
      this.snapshot = { ...this.snapshot, quality, qualitySummary };
      if (changed) this.options.changed(this);
    }, 1000);
  }

  /** Names a transport that never came up (ICE or DTLS), and clears it once the transport connects. */
  private watchTransport(transport: TransportStates): void {
    if (this.snapshot.answeredAt === null) return;
    const problem = diagnoseTransport({ ...transport, sinceAnswerMs: Date.now() - this.snapshot.answeredAt });
    const current = this.snapshot.media?.problems[0] ?? null;
    if (problem === current) return;
    this.snapshot = { ...this.snapshot, media: problem ? { problems: [problem], details: transportDetails(this.remoteSdp) } : null };
    this.options.changed(this);
  }

  private playRemoteAudio(connection: RTCPeerConnection): void {
    connection.addEventListener('track', (event) => {
      const stream = event.streams[0] ?? new MediaStream([event.track]);
      this.audio.play(stream);
      this.unhear();
      this.unhear = this.options.heard?.(stream) ?? (() => undefined);
    });
  }

  private release(): void {
    clearInterval(this.qualityTimer);
    this.qualityTimer = undefined;
    stopStream(this.microphone);
    this.microphone = null;
    this.audio.dispose();
    this.unhear();
  }

  async stats(): Promise<CallStats | null> {
    return (await this.readStats())?.stats ?? null;
  }

  /** One getStats reading: the RTP figures, and the transport's ICE and DTLS states. */
  private async readStats(): Promise<{ stats: CallStats; transport: TransportStates } | null> {
    const connection = this.session.connection;
    if (!connection) return null;
    const report = await connection.getStats();
    return { stats: rtpStats(report), transport: transportStates(report, connection.iceConnectionState) };
  }
}

/** Refuses an incoming session that never became one of our calls (nothing rang for it). */
export function refuseIncoming(session: RTCSession, status: number, reason: string): void {
  if (!session.isEnded()) session.terminate({ status_code: status, reason_phrase: reason });
}

interface TransportStates {
  iceState: string | null;
  dtlsState: string | null;
}

/** The ICE and DTLS states of the call's transport (the first one: WebRTC bundles audio on one). */
function transportStates(report: RTCStatsReport, iceConnectionState: string): TransportStates {
  let found: TransportStates = { iceState: iceConnectionState, dtlsState: null };
  report.forEach((entry: Record<string, unknown>) => {
    if (entry.type === 'transport' && found.dtlsState === null) {
      found = {
        iceState: typeof entry.iceState === 'string' ? entry.iceState : found.iceState,
        dtlsState: typeof entry.dtlsState === 'string' ? entry.dtlsState : null,
      };
    }
  });
  return found;
}

function rtpStats(report: RTCStatsReport): CallStats {
  const stats: CallStats = {
    bytesSent: 0,
    bytesReceived: 0,
    packetsLost: 0,
    packetsReceived: 0,
    jitterMs: null,
    roundTripMs: null,
    codec: null,
    audioLevel: null,
  };
  const codecs = new Map<string, string>();
  report.forEach((entry: Record<string, unknown>) => {
    if (entry.type === 'codec') codecs.set(String(entry.id), String(entry.mimeType ?? ''));
  });
  report.forEach((entry: Record<string, unknown>) => {
    if (entry.kind !== 'audio') return;
    if (entry.type === 'outbound-rtp') stats.bytesSent += Number(entry.bytesSent ?? 0);
    if (entry.type === 'inbound-rtp') {
      stats.bytesReceived += Number(entry.bytesReceived ?? 0);
      stats.packetsLost += Number(entry.packetsLost ?? 0);
      stats.packetsReceived += Number(entry.packetsReceived ?? 0);
      if (typeof entry.jitter === 'number') stats.jitterMs = Math.round(entry.jitter * 1000);
      if (typeof entry.audioLevel === 'number') stats.audioLevel = entry.audioLevel;
      if (typeof entry.codecId === 'string') stats.codec = codecs.get(entry.codecId)?.replace(/^audio\//, '') ?? null;
    }
    if (entry.type === 'remote-inbound-rtp' && typeof entry.roundTripTime === 'number') stats.roundTripMs = Math.round(entry.roundTripTime * 1000);
  });
  return stats;
}
