import type { RTCSession } from 'jssip/lib/RTCSession';
import { applyCallEvent, newCall, type CallEvent } from '../calls/callState';
import { cleanDisplayName, cleanRemoteNumber } from '../calls/remoteParty';
import type { CallDirection, CallPurpose, CallSnapshot } from '../calls/snapshot';
import type { CallStats } from '../protocol/api';
import { boundIceGathering } from './iceGathering';
import { RemoteAudio, stopStream } from './media';

type Accept<T extends unknown[]> = (...args: T) => void;

export interface CallSessionOptions {
  direction: CallDirection;
  purpose: CallPurpose;
  microphone: MediaStream | null;
  hasIceServers: boolean;
  speakerId: string;
  changed(call: CallSession): void;
  /** The far end asks us to call someone else (we are being transferred). */
  refer(accept: Accept<[init: (session: RTCSession) => void, options: object]>): void;
  /** An INVITE with Replaces for this call arrived (we are the target of an attended transfer). */
  replaces(accept: Accept<[init: (session: RTCSession) => void]>): void;
}

/** One call: a JsSIP RTCSession, its snapshot, its microphone stream and its remote audio. */
export class CallSession {
  snapshot: CallSnapshot;
  private readonly audio: RemoteAudio;
  private microphone: MediaStream | null;

  constructor(
    readonly session: RTCSession,
    private readonly options: CallSessionOptions,
  ) {
    const identity = session.remote_identity;
    this.snapshot = newCall(session.id, options.direction, cleanRemoteNumber(identity.uri.user), cleanDisplayName(identity.display_name), Date.now(), options.purpose);
    this.microphone = options.microphone;
    this.audio = new RemoteAudio(options.speakerId);
    boundIceGathering(session, options.hasIceServers);
    session.on('peerconnection', ({ peerconnection }) => this.playRemoteAudio(peerconnection));
    if (session.connection) this.playRemoteAudio(session.connection);
    session.on('progress', () => this.apply({ type: 'progress' }));
    session.on('accepted', () => this.apply({ type: 'accepted', at: Date.now() }));
    session.on('confirmed', () => this.apply({ type: 'confirmed', at: Date.now() }));
    session.on('hold', () => this.apply({ type: 'held' }));
    session.on('unhold', () => this.apply({ type: 'resumed' }));
    session.on('muted', () => this.apply({ type: 'muted' }));
    session.on('unmuted', () => this.apply({ type: 'unmuted' }));
    session.on('newDTMF', (event: { originator: string; dtmf: { tone?: unknown } }) => {
      if (event.originator === 'remote') this.apply({ type: 'tone', tone: String(event.dtmf.tone ?? '').slice(0, 1) });
    });
    // JsSIP types these accept() functions loosely; their real signatures are the ones below.
    session.on('refer', ({ accept }) => options.refer(accept as Accept<[init: (session: RTCSession) => void, options: object]>));
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
    const end = ({ cause, originator }: { cause: string; originator: string }): void =>
      this.apply({ type: 'ended', at: Date.now(), cause, originator: originator === 'local' || originator === 'remote' ? originator : 'system' });
    session.on('ended', end);
    session.on('failed', end);
  }

  get id(): string {
    return this.snapshot.id;
  }

  answer(microphone: MediaStream, pcConfig: RTCConfiguration): void {
    this.microphone = microphone;
    this.session.answer({ mediaStream: microphone, pcConfig });
  }

  /** Facts JsSIP does not report as events (e.g. which call this one consults for). */
  patch(fields: Partial<Pick<CallSnapshot, 'consultationFor' | 'queueName'>>): void {
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
    this.options.changed(this);
  }

  private playRemoteAudio(connection: RTCPeerConnection): void {
    connection.addEventListener('track', (event) => this.audio.play(event.streams[0] ?? new MediaStream([event.track])));
  }

  private release(): void {
    stopStream(this.microphone);
    this.microphone = null;
    this.audio.dispose();
  }

  async stats(): Promise<CallStats | null> {
    const connection = this.session.connection;
    if (!connection) return null;
    const report = await connection.getStats();
    const stats: CallStats = { bytesSent: 0, bytesReceived: 0, packetsLost: 0, jitterMs: null, roundTripMs: null, codec: null, audioLevel: null };
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
        if (typeof entry.jitter === 'number') stats.jitterMs = Math.round(entry.jitter * 1000);
        if (typeof entry.audioLevel === 'number') stats.audioLevel = entry.audioLevel;
        if (typeof entry.codecId === 'string') stats.codec = codecs.get(entry.codecId)?.replace(/^audio\//, '') ?? null;
      }
      if (entry.type === 'remote-inbound-rtp' && typeof entry.roundTripTime === 'number') stats.roundTripMs = Math.round(entry.roundTripTime * 1000);
    });
    return stats;
  }
}
