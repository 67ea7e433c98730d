import * as v from 'valibot';
import type { ReadyRefusal } from '../aftercall/agentStatus';
import { NOTES_MAX_LENGTH } from '../aftercall/callRecord';
import { type AfterCallErrorCode, DISPOSITION_MAX_LENGTH } from '../aftercall/settings';
import type { Result } from './api';

const callId = v.pipe(v.string(), v.minLength(1), v.maxLength(200));

/** Notes, dispositions, agent status and the webhook: the service worker answers these. */
export const afterCallRequests = {
  /** Saves what the agent typed (sent as they type) or the disposition they clicked. */
  saveCallNote: v.object({
    callId,
    notes: v.optional(v.pipe(v.string(), v.maxLength(NOTES_MAX_LENGTH))),
    disposition: v.optional(v.nullable(v.pipe(v.string(), v.maxLength(DISPOSITION_MAX_LENGTH)))),
  }),
  saveAfterCallSettings: v.object({ settings: v.unknown() }),
  /** Ready (also "Ready now" during wrap-up), not ready, or do not disturb until a time. */
  setAgentStatus: v.object({
    mode: v.picklist(['ready', 'notReady', 'dnd']),
    until: v.optional(v.pipe(v.number(), v.integer())),
  }),
  /** Sent by the offscreen document when it starts: until when calls are kept away. */
  agentAvailability: v.object({}),
  /** Tries the waiting records now instead of at their next attempt. */
  retryOutbox: v.object({}),
};

export interface AfterCallResponses {
  saveCallNote: Result | { ok: false; error: { code: 'storage_full' } };
  saveAfterCallSettings: { ok: true } | { ok: false; errors: AfterCallErrorCode[] };
  setAgentStatus: { ok: true } | { ok: false; reason: ReadyRefusal | 'invalid' };
  agentAvailability: { busyUntil: number | null };
  retryOutbox: Result;
}

/** What the service worker tells the softphone: calls arriving before `busyUntil` hear 486 Busy Here. */
export const offscreenAfterCallRequests = {
  setAvailability: v.object({ busyUntil: v.nullable(v.number()) }),
};

export interface OffscreenAfterCallResponses {
  setAvailability: Result;
}
