import * as v from 'valibot';
import type { AccountSettings, FieldError, PreferenceErrorCode, Preferences } from '../settings';
import type { Result } from './api';

/** Settings and lifecycle requests that only the service worker answers. */
export const accountRequests = {
  saveAccount: v.object({ account: v.unknown() }),
  /** Changes some preferences (e.g. do not disturb); the rest stay as stored. */
  updatePreferences: v.object({ patch: v.record(v.string(), v.unknown()) }),
  openMicrophoneSetup: v.object({}),
  /** Sent by the offscreen document when it starts: it has no storage of its own. */
  offscreenReady: v.object({}),
};

export interface SoftphoneConfiguration {
  account: AccountSettings | null;
  preferences: Preferences;
  /** The account's kept +sip.instance (see sipInstances). */
  instanceId: string | null;
  /** The caller ID settings' home country: the call progress tones follow its plan. */
  homeCountry: string | null;
  /** The CRM lookup URL template, '' when none. */
  crmLookupUrl?: string;
}

export interface AccountResponses {
  saveAccount: { ok: true } | { ok: false; errors: FieldError[] };
  updatePreferences: { ok: true; preferences: Preferences } | { ok: false; errors: PreferenceErrorCode[] };
  openMicrophoneSetup: Result;
  offscreenReady: SoftphoneConfiguration;
}

/** What the service worker tells the offscreen document. */
export const offscreenControlRequests = {
  configure: v.object({
    account: v.nullable(v.unknown()),
    preferences: v.unknown(),
    instanceId: v.nullable(v.string()),
    homeCountry: v.optional(v.nullable(v.string())),
    crmLookupUrl: v.optional(v.pipe(v.string(), v.maxLength(2000))),
  }),
};

export interface OffscreenControlResponses {
  configure: Result;
}
