import * as v from 'valibot';
import type { SoftphoneSnapshot } from '../calls/snapshot';
import type { CallStats, Result } from './api';

export const callId = v.pipe(v.string(), v.minLength(1), v.maxLength(200));

/** What views ask of the softphone: the service worker forwards these to the offscreen document. */
export const softphoneRequests = {
  getSnapshot: v.object({}),
  call: v.object({ target: v.pipe(v.string(), v.maxLength(256)) }),
  answer: v.object({ callId }),
  decline: v.object({ callId }),
  hangup: v.object({ callId }),
  callStats: v.object({ callId }),
};

export interface SoftphoneResponses {
  getSnapshot: SoftphoneSnapshot;
  call: Result<{ callId: string }>;
  answer: Result;
  decline: Result;
  hangup: Result;
  callStats: CallStats | null;
}
