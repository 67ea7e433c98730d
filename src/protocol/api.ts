import type * as v from 'valibot';
import type { AppError } from '../calls/errors';
import type { SoftphoneSnapshot } from '../calls/snapshot';
import type { AccountResponses, OffscreenControlResponses } from './account';
import type { AfterCallResponses, OffscreenAfterCallResponses } from './aftercall';
import type { CallerIdResponses } from './callerId';
import type { CardDavResponses } from './cardDav';
import type { ClickToCallResponses, ContentScriptResponses } from './clickToCall';
import type { ColleagueResponses, OffscreenColleagueResponses } from './colleagues';
import type { ContactResponses, ContactSourceResponses, OffscreenContactResponses } from './contacts';
import type { OffscreenQueueResponses, QueueResponses } from './queues';
import type { RecentCallsResponses } from './recentCalls';
import type { requestSchemas } from './schemas';
import type { SoftphoneResponses } from './softphone';

export type Result<T = null> = { ok: true; value: T } | { ok: false; error: AppError };

export interface CallStats {
  bytesSent: number;
  bytesReceived: number;
  packetsLost: number;
  packetsReceived: number;
  jitterMs: number | null;
  roundTripMs: number | null;
  codec: string | null;
  /** Loudness of the received audio, 0..1 (0 while the far end is muted). */
  audioLevel: number | null;
}

export interface Responses {
  background: SoftphoneResponses &
    AccountResponses &
    CallerIdResponses &
    RecentCallsResponses &
    QueueResponses &
    ClickToCallResponses &
    ContentScriptResponses &
    CardDavResponses &
    AfterCallResponses &
    ColleagueResponses &
    ContactResponses &
    ContactSourceResponses;
  offscreen: SoftphoneResponses &
    OffscreenControlResponses &
    OffscreenQueueResponses &
    OffscreenAfterCallResponses &
    OffscreenColleagueResponses &
    ContactResponses &
    OffscreenContactResponses;
}

export type Target = keyof typeof requestSchemas;
export type RequestType<T extends Target> = keyof (typeof requestSchemas)[T] & keyof Responses[T];
export type RequestPayload<T extends Target, K extends RequestType<T>> = v.InferOutput<(typeof requestSchemas)[T][K] & v.GenericSchema>;
export type Response<T extends Target, K extends RequestType<T>> = Responses[T][K];

/** Broadcasts: facts that any open view may render. */
export type Broadcast =
  | { event: 'snapshot'; snapshot: SoftphoneSnapshot }
  /** An import under way: `done` of about `total` entries read. */
  | { event: 'contactsImport'; done: number; total: number }
  /** Some address book changed: names shown for numbers may have too. */
  | { event: 'contactsChanged' };
