import * as v from 'valibot';
import type { CallSnapshot } from '../calls/snapshot';
import type { QueueDefinition, QueueOutcome, QueueSettingsError } from '../queues';
import type { Result } from './api';

const extension = v.pipe(v.string(), v.minLength(1), v.maxLength(32));

/** Queue settings and logins: the service worker answers these. */
export const queueRequests = {
  saveQueueSettings: v.object({ settings: v.unknown() }),
  /** Dials the queue's agent connection (login) or disconnection (logout) code. */
  queueAction: v.object({ extension, action: v.picklist(['login', 'logout']) }),
  logOutOfAllQueues: v.object({}),
  /** Sent by the offscreen document when it starts, to name queue calls. */
  queuesForSoftphone: v.object({}),
};

export interface QueueResponses {
  saveQueueSettings: { ok: true } | { ok: false; errors: QueueSettingsError[] };
  queueAction: QueueOutcome;
  logOutOfAllQueues: { outcomes: QueueOutcome[] };
  queuesForSoftphone: { queues: QueueDefinition[] };
}

/** What the service worker asks of the softphone for queues. */
export const offscreenQueueRequests = {
  configureQueues: v.object({ queues: v.unknown() }),
  /** Places a call to a service code and answers once it has ended. */
  dialServiceCode: v.object({ code: v.pipe(v.string(), v.regex(/^[0-9*#]{1,32}$/)) }),
};

export interface OffscreenQueueResponses {
  configureQueues: Result;
  dialServiceCode: Result<CallSnapshot>;
}
