import type { CountryCode } from 'libphonenumber-js/min';
import * as v from 'valibot';
import { cleanDisplayName } from '../calls/remoteParty';
import type { CallContact } from './callContact';
import { numberKey } from './match';

export const CRM_SOURCE = 'crm';
/** Longest a lookup may take: the call rings meanwhile, and is named if the answer comes in time. */
export const CRM_TIMEOUT_MS = 1500;

export type CrmTemplateProblem = 'not_a_url' | 'not_https' | 'no_placeholder';

const PLACEHOLDER = /\{(e164|digits|number)\}/;

/**
 * Whether a lookup URL template can be used, and the origin it needs permission for: https (or
 * http on this machine, for tests), with `{e164}`, `{digits}` or `{number}` where the number goes.
 */
export function checkCrmTemplate(template: string): { ok: true; origin: string } | { ok: false; problem: CrmTemplateProblem } {
  if (!PLACEHOLDER.test(template)) return { ok: false, problem: 'no_placeholder' };
  let url: URL;
  try {
    url = new URL(template.replace(new RegExp(PLACEHOLDER.source, 'g'), '0'));
  } catch {
    return { ok: false, problem: 'not_a_url' };
  }
  const loopback = url.protocol === 'http:' && (url.hostname === '127.0.0.1' || url.hostname === 'localhost' || url.hostname === '[::1]');
  if (url.protocol !== 'https:' && !loopback) return { ok: false, problem: 'not_https' };
  return { ok: true, origin: `${url.protocol}//${url.hostname}/*` };
}

/** The URL to ask about a phone number, or null for numbers the CRM cannot know (extensions, feature codes). */
export function crmLookupUrl(template: string, number: string, homeCountry: CountryCode | null): string | null {
  const key = numberKey(number, homeCountry);
  if (key === null || !key.startsWith('+')) return null;
  const values = { e164: key, digits: key.slice(1), number };
  return template.replace(new RegExp(PLACEHOLDER.source, 'g'), (_, name: keyof typeof values) => encodeURIComponent(values[name]));
}

const Answer = v.object({
  name: v.string(),
  company: v.optional(v.nullable(v.string())),
  url: v.optional(v.nullable(v.string())),
});

/** A CRM's answer `{name, company, url}` as a call's contact, or null (no name, not that shape). Only an http(s) `url` is kept. */
export function crmAnswerContact(json: unknown, number: string): CallContact | null {
  const parsed = v.safeParse(Answer, json);
  if (!parsed.success) return null;
  const name = cleanDisplayName(parsed.output.name);
  if (name === null) return null;
  const contact: CallContact = {
    name,
    company: cleanDisplayName(parsed.output.company ?? '') ?? '',
    number,
    label: 'other',
    sourceId: CRM_SOURCE,
    contactId: number,
  };
  const url = parsed.output.url;
  if (url && /^https?:\/\//i.test(url) && URL.canParse(url)) contact.recordUrl = url;
  return contact;
}
