import type { ToneSegment } from '../audio/tones';
import type { CallSnapshot } from './snapshot';

/** The call progress tones the softphone plays itself, while no audio comes from the far end. */
export type CallTone = 'ringback' | 'busy' | 'error';

/** Tone plans: the CEPT one most of Europe uses, the North American one, and the British one. */
export type TonePlan = 'europe' | 'north-america' | 'uk';

const on = (frequencies: number[], ms: number): ToneSegment => ({ frequencies, ms });
const off = (ms: number): ToneSegment => ({ frequencies: [], ms });

/** One cycle of each tone, per plan (ITU-T E.180 and the national supplements). */
export const CADENCES: Record<TonePlan, Record<CallTone, ToneSegment[]>> = {
  europe: {
    ringback: [on([425], 1000), off(4000)],
    busy: [on([425], 500), off(500)],
    error: [on([425], 250), off(250)],
  },
  'north-america': {
    ringback: [on([440, 480], 2000), off(4000)],
    busy: [on([480, 620], 500), off(500)],
    error: [on([480, 620], 250), off(250)],
  },
  uk: {
    ringback: [on([400, 450], 400), off(200), on([400, 450], 400), off(2000)],
    busy: [on([400], 375), off(375)],
    error: [on([400], 400), off(350), on([400], 225), off(525)],
  },
};

/** How long a busy or error tone plays before it stops by itself; the ringback plays until the call moves on. */
export const SHORT_TONE_MS = 3000;

const NORTH_AMERICA = new Set(['US', 'CA', 'PR', 'VI', 'GU', 'AS', 'MP']);
const UK = new Set(['GB', 'IE', 'IM', 'JE', 'GG']);

/** The tone plan of the agent's home country (an ISO 3166 code); Europe's when it is not known. */
export function tonePlanFor(homeCountry: unknown): TonePlan {
  const country = typeof homeCountry === 'string' ? homeCountry.trim().toUpperCase() : '';
  if (NORTH_AMERICA.has(country)) return 'north-america';
  if (UK.has(country)) return 'uk';
  return 'europe';
}

/**
 * Whether a provisional response brings early media: an answer SDP in a 18x (183 Session Progress,
 * or a 180 that carries one). Then the far end's audio plays and the local tone must not.
 */
export function bringsEarlyMedia(statusCode: unknown, body: unknown): boolean {
  return typeof statusCode === 'number' && statusCode > 100 && statusCode < 200 && typeof body === 'string' && /(^|\n)m=audio /.test(body);
}

/** The tone that plays while calls are as `calls` says: a ringback for an outgoing call that rings without early media. */
export function ongoingToneFor(calls: readonly CallSnapshot[]): CallTone | null {
  return calls.some((c) => c.direction === 'outgoing' && c.state === 'ringing' && !c.earlyMedia) ? 'ringback' : null;
}

/** The short tone that says why an outgoing call did not go through: busy, or error for a number that cannot be reached. */
export function endToneFor(call: CallSnapshot): CallTone | null {
  if (call.direction !== 'outgoing' || call.answeredAt !== null || !call.end) return null;
  switch (call.end.code) {
    case 'busy':
    case 'rejected':
      return 'busy';
    case 'not_found':
    case 'unavailable':
    case 'no_answer':
    case 'failed':
    case 'connection_lost':
    case 'media_unusable':
      return 'error';
    default:
      return null;
  }
}
