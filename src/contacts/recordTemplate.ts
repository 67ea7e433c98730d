/**
 * The "open the caller's record" URL template: a CRM or address book page such as
 * `https://crm.example.com/contacts?search={e164}` or `https://crm.example.com/contacts/{uid}`.
 * It is only opened in a tab, never fetched, so its site needs no host permission.
 */

export const RECORD_PLACEHOLDERS = ['e164', 'number', 'name', 'uid'] as const;
export type RecordPlaceholder = (typeof RECORD_PLACEHOLDERS)[number];

/** What a placeholder stands for in one call; null where it is not known (a caller no source knows has no name). */
export type RecordValues = Record<RecordPlaceholder, string | null>;

export type RecordTemplateProblem = 'not_a_url' | 'not_http' | 'no_placeholder' | 'unknown_placeholder' | 'placeholder_in_origin';

export const MAX_RECORD_TEMPLATE = 2000;

const ANY_PLACEHOLDER = /\{([^{}]*)\}/g;
const isPlaceholder = (name: string): name is RecordPlaceholder => (RECORD_PLACEHOLDERS as readonly string[]).includes(name);

/**
 * Whether a template can be used, and the origin its records open on: http or https, at least
 * one known placeholder and no other, and every placeholder after the site's address (in the path,
 * query or fragment), so no caller's number or name can send the agent to another site.
 */
export function checkRecordTemplate(template: string): { ok: true; origin: string } | { ok: false; problem: RecordTemplateProblem } {
  const names = [...template.matchAll(ANY_PLACEHOLDER)].map((m) => m[1] ?? '');
  if (names.some((name) => !isPlaceholder(name))) return { ok: false, problem: 'unknown_placeholder' };
  if (names.length === 0) return { ok: false, problem: 'no_placeholder' };
  const filled = template.replace(ANY_PLACEHOLDER, 'x');
  if (/[{}]/.test(filled) || !URL.canParse(filled)) return { ok: false, problem: 'not_a_url' };
  const url = new URL(filled);
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return { ok: false, problem: 'not_http' };
  // The site's address must be whole before the first placeholder: "https://host/…", "https://host?…".
  const head = template.slice(0, template.indexOf('{'));
  if (!/^https?:\/\/[^/?#]+[/?#]/i.test(head) || !URL.canParse(head) || new URL(head).origin !== url.origin)
    return { ok: false, problem: 'placeholder_in_origin' };
  return { ok: true, origin: url.origin };
}

/** A value as it goes into the URL: percent-encoded, dots too, so "." or ".." cannot climb the path. */
function encoded(value: string): string {
  return encodeURIComponent(value).replace(/\./g, '%2E');
}

/**
 * The template with the call's values in it, or null when the template is not usable or uses a
 * placeholder this call has no value for (a caller's name when no source knows them).
 */
export function expandRecordTemplate(template: string, values: RecordValues): string | null {
  const checked = checkRecordTemplate(template.trim());
  if (!checked.ok) return null;
  let missing = false;
  const url = template.trim().replace(ANY_PLACEHOLDER, (_, name: RecordPlaceholder) => {
    const value = values[name];
    if (value === null || value === '') missing = true;
    return encoded(value ?? '');
  });
  if (missing || !URL.canParse(url) || new URL(url).origin !== checked.origin) return null;
  return url;
}
