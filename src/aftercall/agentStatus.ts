import * as v from 'valibot';
import type { AfterCallSettings } from './settings';

/**
 * Whether the agent takes calls. While not ready the softphone answers new calls 486 Busy Here:
 * a queue then offers the call to its next agent (a ring-all queue simply goes on ringing the
 * others), a direct caller hears busy (or the PBX's busy forwarding, voicemail for instance).
 *
 * ready      takes calls
 * wrapUp     after a call, until `until` (and, when the rule asks, until the call is tagged)
 * notReady   set by hand, until the agent says Ready
 * dnd        do not disturb until `until`
 */
export type AgentMode = 'ready' | 'wrapUp' | 'notReady' | 'dnd';

export interface AgentStatus {
  mode: AgentMode;
  /** When wrap-up or do not disturb ends by itself. */
  until: number | null;
  /** The call wrap-up follows. */
  callId: string | null;
  /** Wrap-up lasts until this call has a disposition. */
  needsDisposition: boolean;
}

export const readyStatus: AgentStatus = { mode: 'ready', until: null, callId: null, needsDisposition: false };

export interface EndedCallFacts {
  id: string;
  /** The call came through a queue. */
  queue: boolean;
  /** The agent talked (a call never answered leaves no work to wrap up). */
  answered: boolean;
}

/** The status once a call has ended. Not ready and do not disturb stay as they are. */
export function afterCall(status: AgentStatus, call: EndedCallFacts, settings: AfterCallSettings, now: number): AgentStatus {
  if (status.mode === 'notReady' || status.mode === 'dnd' || !call.answered) return status;
  const follows = settings.wrapUpAfter === 'all' || call.queue;
  const needsDisposition = settings.dispositionRequired && call.queue;
  if (!follows || (settings.wrapUpSeconds === 0 && !needsDisposition)) return status;
  return { mode: 'wrapUp', until: now + settings.wrapUpSeconds * 1000, callId: call.id, needsDisposition };
}

/** The status as it stands at `now`: wrap-up and do not disturb end by themselves. */
export function current(status: AgentStatus, now: number, tagged: (callId: string) => boolean): AgentStatus {
  if (status.mode === 'dnd' && status.until !== null && now >= status.until) return readyStatus;
  if (status.mode !== 'wrapUp') return status;
  const waitsForTag = status.needsDisposition && status.callId !== null && !tagged(status.callId);
  if (waitsForTag) return status;
  return status.until === null || now >= status.until ? readyStatus : { ...status, needsDisposition: false };
}

export type ReadyRefusal = 'disposition_required';

/** The agent presses Ready (or Ready now): refused while a queue call the rule covers is untagged. */
export function ready(status: AgentStatus, tagged: (callId: string) => boolean): { ok: true; status: AgentStatus } | { ok: false; reason: ReadyRefusal } {
  if (status.mode === 'wrapUp' && status.needsDisposition && status.callId !== null && !tagged(status.callId))
    return { ok: false, reason: 'disposition_required' };
  return { ok: true, status: readyStatus };
}

/** Until when new calls are kept away (null: they ring); FOREVER until the agent acts. */
export const FOREVER = Number.MAX_SAFE_INTEGER;
export function busyUntil(status: AgentStatus): number | null {
  switch (status.mode) {
    case 'ready':
      return null;
    case 'notReady':
      return FOREVER;
    case 'dnd':
      return status.until ?? FOREVER;
    case 'wrapUp':
      return status.needsDisposition ? FOREVER : status.until;
  }
}

/** The next time the status changes by itself (to wake up and re-evaluate), if any. */
export function changesAt(status: AgentStatus): number | null {
  return status.mode === 'dnd' || status.mode === 'wrapUp' ? status.until : null;
}

/** The time of day "HH:MM" as the next such moment after `now` (today, or tomorrow if it has passed). */
export function nextTimeOfDay(time: string, now: number): number | null {
  const match = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(time);
  if (!match) return null;
  const at = new Date(now);
  at.setHours(Number(match[1]), Number(match[2]), 0, 0);
  if (at.getTime() <= now) at.setDate(at.getDate() + 1);
  return at.getTime();
}

const Schema = v.object({
  mode: v.picklist(['ready', 'wrapUp', 'notReady', 'dnd']),
  until: v.nullable(v.number()),
  callId: v.nullable(v.string()),
  needsDisposition: v.boolean(),
});

export function storedAgentStatus(input: unknown): AgentStatus {
  const parsed = v.safeParse(Schema, input);
  return parsed.success ? parsed.output : readyStatus;
}
