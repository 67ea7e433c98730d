import * as v from 'valibot';
import type { SoftphoneSnapshot } from '../calls/snapshot';
import type { CallStats, Result } from './api';

export const callId = v.pipe(v.string(), v.minLength(1), v.maxLength(200));
const target = v.pipe(v.string(), v.maxLength(256));

/** What views ask of the softphone: the service worker forwards these to the offscreen document. */
export const softphoneRequests = {
  getSnapshot: v.object({}),
  call: v.object({ target }),
  answer: v.object({ callId }),
  decline: v.object({ callId }),
  hangup: v.object({ callId }),
  callStats: v.object({ callId }),
  setMuted: v.object({ callId, muted: v.boolean() }),
  setHeld: v.object({ callId, held: v.boolean() }),
  /** Puts every other call on hold and resumes this one. */
  switchTo: v.object({ callId }),
  sendDtmf: v.object({ callId, tones: v.pipe(v.string(), v.regex(/^[0-9*#A-Da-d]{1,32}$/)) }),
  /** Blind transfer: the other party is sent to `target` and this call ends. */
  transfer: v.object({ callId, target }),
  /** Attended transfer, step 1: hold this call and call `target`. */
  consult: v.object({ callId, target }),
  /** Attended transfer, step 2: connect the held call with the consulted party. */
  completeTransfer: v.object({ callId, consultCallId: callId }),
  /** Three-way conference: both calls off hold, mixed here. */
  merge: v.object({ callId, otherCallId: callId }),
  /** Back to two calls: this one goes on, the other is held. */
  split: v.object({ callId }),
  /** The agent's answer to a far end asking to transfer them elsewhere (REFER). */
  answerTransferRequest: v.object({ requestId: callId, accept: v.boolean() }),
  /** Health figures of the softphone's document, for support and the benchmarks; the speaker's level at `frequencies` (Hz) too. */
  diagnostics: v.object({ frequencies: v.optional(v.pipe(v.array(v.pipe(v.number(), v.integer(), v.minValue(40), v.maxValue(8000))), v.maxLength(16))) }),
};

export interface SoftphoneDiagnostics {
  /** JavaScript heap in use (Chrome's performance.memory), or null where the browser hides it. */
  jsHeapUsedBytes: number | null;
  uptimeMs: number;
  liveCalls: number;
  /** What the agent's speaker carries now (call progress tones and remote audio), by frequency. */
  output: OutputToneAnalysis;
}

export interface OutputToneAnalysis {
  /** The progress tone the softphone plays itself, if any. */
  tone: 'ringback' | 'busy' | 'error' | null;
  /** When it started (Date.now()), and the audio output's own latency on top. */
  startedAt: number | null;
  outputLatencyMs: number | null;
  /** The strongest frequency and its level (dBFS). */
  peakHz: number | null;
  peakDb: number | null;
  /** The level (dBFS) at each watched frequency (Hz) and 20 Hz either side; null for silence. */
  levelsDb: Record<string, number | null>;
}

export interface SoftphoneResponses {
  getSnapshot: SoftphoneSnapshot;
  call: Result<{ callId: string }>;
  answer: Result;
  decline: Result;
  hangup: Result;
  callStats: CallStats | null;
  setMuted: Result;
  setHeld: Result;
  switchTo: Result;
  sendDtmf: Result;
  transfer: Result;
  consult: Result<{ callId: string }>;
  completeTransfer: Result;
  merge: Result;
  split: Result;
  answerTransferRequest: Result;
  diagnostics: SoftphoneDiagnostics;
}
