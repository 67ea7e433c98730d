import type { RTCSession } from 'jssip/lib/RTCSession';
import { applyCallEvent, newCall, type CallEvent } from '../calls/callState';
import type { CallDirection, CallPurpose, CallSnapshot } from '../calls/snapshot';
import type { CallStats } from '../protocol/api';
import { boundIceGathering } from './iceGathering';
import { RemoteAudio, stopStream } from './media';

/** One call: a JsSIP RTCSession, its snapshot, its microphone stream and its remote audio. */
export class CallSession {
  snapshot: CallSnapshot;
  private readonly audio = new RemoteAudio();
  microphone: MediaStream | null = null;

  constructor(
    readonly session: RTCSession,
    direction: CallDirection,
    purpose: CallPurpose,
    hasIceServers: boolean,
    private readonly changed: (call: CallSession) => void,
  ) {
    const identity = session.remote_identity;
    this.snapshot = newCall(session.id, direction, identity.uri.user ?? '', identity.display_name || null, Date.now(), purpose);
    boundIceGathering(session, hasIceServers);
    session.on('peerconnection', ({ peerconnection }) => this.playRemoteAudio(peerconnection));
    if (session.connection) this.playRemoteAudio(session.connection);
    session.on('progress', () => this.apply({ type: 'progress' }));
    session.on('accepted', () => this.apply({ type: 'accepted', at: Date.now() }));
    session.on('confirmed', () => this.apply({ type: 'confirmed', at: Date.now() }));
    session.on('hold', () => this.apply({ type: 'held' }));
    session.on('unhold', () => this.apply({ type: 'resumed' }));
    session.on('muted', () => this.apply({ type: 'muted' }));
    session.on('unmuted', () => this.apply({ type: 'unmuted' }));
    const end = ({ cause, originator }: { cause: string; originator: string }): void =>
      this.apply({ type: 'ended', at: Date.now(), cause, originator: originator === 'local' || originator === 'remote' ? originator : 'system' });
    session.on('ended', end);
    session.on('failed', end);
  }

  get id(): string {
    return this.snapshot.id;
  }

  private apply(event: CallEvent): void {
    this.snapshot = applyCallEvent(this.snapshot, event);
    if (event.type === 'ended') this.release();
    this.changed(this);
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
    const stats: CallStats = { bytesSent: 0, bytesReceived: 0, packetsLost: 0, jitterMs: null, roundTripMs: null, codec: null };
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
        if (typeof entry.codecId === 'string') stats.codec = codecs.get(entry.codecId)?.replace(/^audio\//, '') ?? null;
      }
      if (entry.type === 'remote-inbound-rtp' && typeof entry.roundTripTime === 'number') stats.roundTripMs = Math.round(entry.roundTripTime * 1000);
    });
    return stats;
  }
}
