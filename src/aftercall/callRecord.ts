import type { CallSnapshot } from '../calls/snapshot';

/** What the agent wrote about a call and how they tagged it. */
export interface CallNote {
  notes: string;
  disposition: string | null;
}

export const NOTES_MAX_LENGTH = 4000;
export const emptyNote: CallNote = { notes: '', disposition: null };

/**
 * The JSON record a CRM receives for one finished call. The first record of a call is
 * `call.ended`; notes or a disposition added afterwards send `call.updated` with the same
 * `callId` and the next `version`. `idempotencyKey` names one version of one call: a receiver
 * that has seen it already has this record and should answer 2xx without storing it again.
 */
export interface CallRecord {
  event: 'call.ended' | 'call.updated';
  callId: string;
  version: number;
  idempotencyKey: string;
  direction: 'incoming' | 'outgoing' | 'missed';
  otherParty: { number: string; name: string | null; contactName: string | null };
  /** The number the callee saw for an outgoing call (ours), when known. */
  callerId: string | null;
  queue: string | null;
  startedAt: string;
  answeredAt: string | null;
  endedAt: string;
  /** Talk time in whole seconds; 0 when never answered. */
  durationSeconds: number;
  /** How it ended: local_hangup, remote_hangup, busy, no_answer, caller_canceled, ... */
  endReason: string;
  notes: string;
  disposition: string | null;
  /** The agent's SIP address (user@domain). */
  agent: string | null;
}

export interface RecordContext {
  callerId: string | null;
  agent: string | null;
  contactName?: string | null;
  note: CallNote;
}

const iso = (ms: number): string => new Date(ms).toISOString();

export function idempotencyKeyOf(callId: string, version: number): string {
  return `${callId}:${version}`;
}

/** The first record of an ended call. */
export function callRecordFrom(call: CallSnapshot, context: RecordContext): CallRecord {
  const answered = call.answeredAt !== null;
  const declined = call.end?.code === 'declined';
  const direction = call.direction === 'outgoing' ? 'outgoing' : answered || declined ? 'incoming' : 'missed';
  const endedAt = call.endedAt ?? call.answeredAt ?? call.startedAt;
  const talkMs = answered ? Math.max(0, endedAt - (call.answeredAt ?? endedAt)) : 0;
  return {
    event: 'call.ended',
    callId: call.id,
    version: 1,
    idempotencyKey: idempotencyKeyOf(call.id, 1),
    direction,
    otherParty: { number: call.remoteNumber, name: call.remoteName, contactName: context.contactName ?? call.contact?.name ?? null },
    callerId: call.direction === 'outgoing' ? context.callerId : null,
    queue: call.queueName ?? null,
    startedAt: iso(call.startedAt),
    answeredAt: call.answeredAt === null ? null : iso(call.answeredAt),
    endedAt: iso(endedAt),
    durationSeconds: Math.round(talkMs / 1000),
    endReason: call.end?.code ?? 'failed',
    notes: context.note.notes,
    disposition: context.note.disposition,
    agent: context.agent,
  };
}

/** The record that tells the receiver the notes or disposition changed: same call, next version. */
export function updatedRecord(previous: CallRecord, note: CallNote): CallRecord {
  const version = previous.version + 1;
  return {
    ...previous,
    event: 'call.updated',
    version,
    idempotencyKey: idempotencyKeyOf(previous.callId, version),
    notes: note.notes,
    disposition: note.disposition,
  };
}

export function sameNote(record: Pick<CallRecord, 'notes' | 'disposition'>, note: CallNote): boolean {
  return record.notes === note.notes && record.disposition === note.disposition;
}
