import * as v from 'valibot';
import type { AccountSettings, FieldError } from '../settings';
import type { Result } from './api';

/** Settings and lifecycle requests that only the service worker answers. */
export const accountRequests = {
  saveAccount: v.object({ account: v.unknown() }),
  openMicrophoneSetup: v.object({}),
  /** Sent by the offscreen document when it starts: it has no storage of its own. */
  offscreenReady: v.object({}),
};

export interface AccountResponses {
  saveAccount: { ok: true } | { ok: false; errors: FieldError[] };
  openMicrophoneSetup: Result;
  offscreenReady: { account: AccountSettings | null };
}

/** What the service worker tells the offscreen document. */
export const offscreenControlRequests = {
  configure: v.object({ account: v.nullable(v.unknown()) }),
};

export interface OffscreenControlResponses {
  configure: Result;
}
