import * as v from 'valibot';
import type { ColleagueSettings, ColleagueSettingsError } from '../colleagues/settings';
import type { Result } from './api';

const extension = v.pipe(v.string(), v.regex(/^[0-9]{1,16}$/));

/** Colleague settings and pickup: the service worker answers these. */
export const colleagueRequests = {
  saveColleagueSettings: v.object({ settings: v.unknown() }),
  /** Sent by the offscreen document when it starts, to know whom to watch. */
  colleaguesForSoftphone: v.object({}),
  /** Takes the call ringing at a colleague's phone, by the PBX's pickup code. */
  pickUp: v.object({ extension }),
};

export interface ColleagueResponses {
  saveColleagueSettings: { ok: true } | { ok: false; errors: ColleagueSettingsError[] };
  colleaguesForSoftphone: ColleagueSettings;
  pickUp: Result;
}

/** What the service worker asks of the softphone for colleagues. */
export const offscreenColleagueRequests = {
  configureColleagues: v.object({ settings: v.unknown() }),
  pickUp: v.object({ extension }),
};

export interface OffscreenColleagueResponses {
  configureColleagues: Result;
  pickUp: Result;
}
