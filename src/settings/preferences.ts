import * as v from 'valibot';
import { perField } from './perField';

/** How the agent wants the softphone to behave; changing these never re-registers. */
export interface Preferences {
  doNotDisturb: boolean;
  callWaiting: boolean;
  /** SIP status sent when the agent declines: 486 Busy Here or 603 Decline. */
  declineWith: 486 | 603;
  dtmfMethod: 'rfc4733' | 'info';
  voicemailNumber: string;
  /** Device ids from enumerateDevices; '' means the system default. */
  microphoneId: string;
  speakerId: string;
  ringerId: string;
}

export const defaultPreferences: Preferences = {
  doNotDisturb: false,
  callWaiting: true,
  declineWith: 486,
  dtmfMethod: 'rfc4733',
  voicemailNumber: '',
  microphoneId: '',
  speakerId: '',
  ringerId: '',
};

const deviceId = v.optional(v.pipe(v.string(), v.maxLength(256)), '');

export const PreferencesSchema = v.object({
  doNotDisturb: v.optional(v.boolean(), false),
  callWaiting: v.optional(v.boolean(), true),
  declineWith: v.optional(v.union([v.literal(486), v.literal(603)]), 486),
  dtmfMethod: v.optional(v.picklist(['rfc4733', 'info']), 'rfc4733'),
  voicemailNumber: v.optional(v.pipe(v.string(), v.trim(), v.regex(/^[0-9*#+]{0,32}$/, 'voicemail_characters')), ''),
  microphoneId: deviceId,
  speakerId: deviceId,
  ringerId: deviceId,
});

/** What is wrong with a preference: a code the views word. */
export type PreferenceErrorCode = 'voicemail_characters' | 'invalid';

export type ParsedPreferences = { ok: true; value: Preferences } | { ok: false; errors: PreferenceErrorCode[] };

export function parsePreferences(input: unknown): ParsedPreferences {
  const result = v.safeParse(PreferencesSchema, input ?? {});
  if (result.success) return { ok: true, value: result.output };
  return { ok: false, errors: result.issues.map((issue) => (issue.message === 'voicemail_characters' ? 'voicemail_characters' : 'invalid')) };
}

/** What is stored, read leniently: a damaged field falls back to its default, the others are kept. */
export function preferencesOrDefaults(input: unknown): Preferences {
  return perField(PreferencesSchema.entries, defaultPreferences, input);
}
