/** One reading of a call's RTP statistics (getStats), every second while the call is up. */
export interface StatsSample {
  at: number;
  bytesReceived: number;
  bytesSent: number;
  packetsReceived: number;
  packetsLost: number;
  jitterMs: number | null;
  roundTripMs: number | null;
}

export type QualityLevel = 'good' | 'fair' | 'poor';

/** What the call panel shows: a level, and which side is silent when audio flows one way only. */
export interface CallQuality {
  level: QualityLevel;
  /** 'remote': nothing received for SILENCE_MS; 'local': nothing sent (the other side cannot hear us). */
  silentSide: 'remote' | 'local' | null;
  lossPercent: number;
}

/** Nothing received (or sent) for this long while the call is up and nobody holds it: one-way audio. */
export const SILENCE_MS = 3000;

/** Thresholds after ITU-T G.114 (delay) and the usual VoIP loss and jitter budgets. */
const FAIR = { lossPercent: 1, jitterMs: 30, roundTripMs: 300 };
const POOR = { lossPercent: 5, jitterMs: 60, roundTripMs: 500 };

function level(lossPercent: number, jitterMs: number | null, roundTripMs: number | null): QualityLevel {
  const over = (limits: typeof FAIR): boolean =>
    lossPercent >= limits.lossPercent || (jitterMs ?? 0) >= limits.jitterMs || (roundTripMs ?? 0) >= limits.roundTripMs;
  if (over(POOR)) return 'poor';
  return over(FAIR) ? 'fair' : 'good';
}

/**
 * The call's quality from its recent samples (oldest first): packet loss over the samples' span,
 * the latest jitter and round-trip time, and one-way audio when a byte count stood still for
 * SILENCE_MS. Holding (either side) and muting are not silence. Null until two samples exist.
 */
export function assessQuality(samples: readonly StatsSample[], state: { muted: boolean; held: boolean; heldByRemote: boolean }): CallQuality | null {
  const last = samples.at(-1);
  const first = samples[0];
  if (last === undefined || first === undefined || samples.length < 2) return null;
  const received = Math.max(0, last.packetsReceived - first.packetsReceived);
  const lost = Math.max(0, last.packetsLost - first.packetsLost);
  const lossPercent = received + lost === 0 ? 0 : Math.round((1000 * lost) / (received + lost)) / 10;
  // The reading about SILENCE_MS before the last one (readings come about a second apart).
  const windowStart = samples.filter((s) => s.at <= last.at - SILENCE_MS + 250).at(-1);
  const still = (count: (s: StatsSample) => number): boolean => windowStart !== undefined && count(last) === count(windowStart);
  const held = state.held || state.heldByRemote;
  const silentSide = held ? null : still((s) => s.bytesReceived) ? 'remote' : !state.muted && still((s) => s.bytesSent) ? 'local' : null;
  return { level: silentSide ? 'poor' : level(lossPercent, last.jitterMs, last.roundTripMs), silentSide, lossPercent };
}

const ORDER: QualityLevel[] = ['good', 'fair', 'poor'];

/** The worse of two levels (null: not measured yet). */
export function worseLevel(a: QualityLevel | null, b: QualityLevel | null): QualityLevel | null {
  if (a === null) return b;
  if (b === null) return a;
  return ORDER.indexOf(a) >= ORDER.indexOf(b) ? a : b;
}
