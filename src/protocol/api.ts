import type * as v from 'valibot';
import type { requestSchemas } from './schemas';
import type { AccountSettings, FieldError } from '../settings';
import type { AppError } from '../calls/errors';
import type { SoftphoneSnapshot } from '../calls/snapshot';

export type Result<T = null> = { ok: true; value: T } | { ok: false; error: AppError };

export interface CallStats {
  bytesSent: number;
  bytesReceived: number;
  packetsLost: number;
  jitterMs: number | null;
  roundTripMs: number | null;
  codec: string | null;
}

interface SoftphoneResponses {
  getSnapshot: SoftphoneSnapshot;
  call: Result<{ callId: string }>;
  answer: Result;
  decline: Result;
  hangup: Result;
  callStats: CallStats | null;
}

export interface Responses {
  background: SoftphoneResponses & {
    saveAccount: { ok: true } | { ok: false; errors: FieldError[] };
    openMicrophoneSetup: Result;
    offscreenReady: { account: AccountSettings | null };
  };
  offscreen: SoftphoneResponses & {
    configure: Result;
  };
}

export type Target = keyof typeof requestSchemas;
export type RequestType<T extends Target> = keyof (typeof requestSchemas)[T] & keyof Responses[T];
export type RequestPayload<T extends Target, K extends RequestType<T>> = v.InferOutput<(typeof requestSchemas)[T][K] & v.GenericSchema>;
export type Response<T extends Target, K extends RequestType<T>> = Responses[T][K];

/** Broadcasts: facts that any open view may render. */
export type Broadcast = { event: 'snapshot'; snapshot: SoftphoneSnapshot };
