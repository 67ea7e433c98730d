import * as v from 'valibot';
import { perField, perItem } from '../settings/perField';
import type { QualityLevel } from './callQuality';
import type { CallSnapshot } from './snapshot';

export const RECENT_CALLS_CAP = 1000;

export type RecentDirection = 'incoming' | 'outgoing' | 'missed';

export interface RecentCall {
  id: string;
  direction: RecentDirection;
  number: string;
  name: string | null;
  startedAt: number;
  /** Talk time; 0 for calls never answered. */
  durationMs: number;
  /** The outgoing caller ID the callee saw, when known. */
  callerId: string | null;
  /**
   * How it ended: a call-end code (src/i18n/errorText.ts words it), or, in calls kept from
   * versions that stored sentences, that sentence.
   */
  outcome: string;
  /** The SIP stack's cause of a `failed` end. */
  outcomeCause: string | null;
  /** The worst the line was, and its packet loss over the call; null when the call never got audio. */
  quality: { worst: QualityLevel; lossPercent: number } | null;
}

/** The recent-calls entry for a call that has ended. */
export function recentCallFrom(call: CallSnapshot, callerId: string | null = null): RecentCall {
  const answered = call.answeredAt !== null;
  const declined = call.end?.code === 'declined';
  const direction: RecentDirection = call.direction === 'outgoing' ? 'outgoing' : answered || declined ? 'incoming' : 'missed';
  return {
    id: call.id,
    direction,
    number: call.remoteNumber,
    name: call.remoteName,
    startedAt: call.startedAt,
    durationMs: answered && call.endedAt !== null ? Math.max(0, call.endedAt - (call.answeredAt ?? call.endedAt)) : 0,
    callerId,
    outcome: call.end?.code ?? '',
    outcomeCause: call.end?.cause ?? null,
    quality: call.qualitySummary ?? null,
  };
}

/** Newest first, each call once, at most `cap` entries (the oldest are dropped). */
export function addRecentCall(list: readonly RecentCall[], entry: RecentCall, cap = RECENT_CALLS_CAP): RecentCall[] {
  if (list.some((c) => c.id === entry.id)) return [...list];
  return [entry, ...list].sort((a, b) => b.startedAt - a.startedAt).slice(0, cap);
}

/** Missed calls the agent has not looked at yet. */
export function unseenMissedCalls(list: readonly RecentCall[], seenAt: number): number {
  return list.filter((c) => c.direction === 'missed' && c.startedAt > seenAt).length;
}

const Identity = v.object({
  id: v.string(),
  direction: v.picklist(['incoming', 'outgoing', 'missed']),
  number: v.string(),
  startedAt: v.number(),
});
const detailFields = {
  name: v.nullable(v.string()),
  durationMs: v.pipe(v.number(), v.minValue(0)),
  callerId: v.nullable(v.string()),
  outcome: v.string(),
  outcomeCause: v.nullable(v.string()),
  quality: v.nullable(v.object({ worst: v.picklist(['good', 'fair', 'poor']), lossPercent: v.pipe(v.number(), v.minValue(0), v.maxValue(100)) })),
};
const NO_DETAILS: Pick<RecentCall, 'name' | 'durationMs' | 'callerId' | 'outcome' | 'outcomeCause' | 'quality'> = {
  name: null,
  durationMs: 0,
  callerId: null,
  outcome: '',
  outcomeCause: null,
  quality: null,
};

/**
 * The stored list, read leniently: anything but a list reads as no calls; an entry without its
 * id, direction, number or start is left out; a damaged detail takes its default.
 */
export function storedRecentCalls(input: unknown): RecentCall[] {
  return perItem(input, (entry) => {
    const identity = v.safeParse(Identity, entry);
    return identity.success ? { ...identity.output, ...perField(detailFields, NO_DETAILS, entry) } : null;
  }).slice(0, RECENT_CALLS_CAP);
}

/**
 * Whether calling this entry back must be confirmed first: the caller chose the number of an
 * incoming or missed call, and one with `*` or `#` is a feature code to the PBX (`*21*…#`
 * forwards the agent's calls, others log out of queues or turn on do not disturb), not a phone.
 */
export function callBackNeedsConfirmation(call: Pick<RecentCall, 'direction' | 'number'>): boolean {
  return call.direction !== 'outgoing' && /[*#]/.test(call.number);
}
