import { cleanDisplayName } from '../calls/remoteParty';
import { type NumberProblem, toDialString } from '../numbers/dialString';

export type PageNumberResult = { ok: true; dial: string } | { ok: false; error: NumberProblem };

const problem = (code: NumberProblem['code']): PageNumberResult => ({ ok: false, error: { code } });

const MAX_LENGTH = 128;
const SIP_URI = /^sips?:([^@;?]+)@([^;?]+)$/i;

/**
 * Reduces a number taken from a web page (a link's href or text) to what the softphone dials:
 * digits with an optional leading +. A page controls this string, so anything else is refused
 * rather than cleaned up: SIP URIs to another domain than the agent's, parameters and headers
 * (`;`, `?`), letters, * and # (service codes are the agent's to type, not a page's), overlong input.
 */
export function reducePageNumber(input: string, accountDomain: string | null): PageNumberResult {
  if (input.length > MAX_LENGTH) return problem('too_long');
  let candidate = input.trim();
  let decoded: string;
  try {
    decoded = decodeURIComponent(candidate);
  } catch {
    return problem('not_a_phone_link');
  }
  candidate = decoded.trim();
  if (/^sips?:/i.test(candidate)) {
    const sip = SIP_URI.exec(candidate);
    if (!sip) return problem('sip_not_callable');
    const [, user, host] = sip as unknown as [string, string, string];
    if (accountDomain === null || host.toLowerCase() !== accountDomain.toLowerCase()) {
      return problem('sip_other_domain');
    }
    candidate = user;
  } else {
    candidate = candidate.replace(/^(tel|callto):(\/\/)?/i, '');
  }
  if (/[;?&=,@:]/.test(candidate)) return problem('more_than_a_number');
  const reduced = toDialString(candidate);
  if (!reduced.ok) return reduced;
  if (!/^\+?\d{2,}$/.test(reduced.dial)) return problem('page_digits_only');
  return reduced;
}

/** The number in a link's href, if the link is one click-to-call handles. */
export function isCallLink(href: string): boolean {
  return /^(tel|callto|sips?):/i.test(href.trim());
}

/**
 * What a call link dials, for its button's tooltip: the number the href reduces to, or the SIP
 * address as it is (its domain is checked when clicked). Never the link's text: the page words that
 * as it likes, "+32 2 555 12 34" over a link to another number.
 */
export function linkTarget(href: string): string {
  const reduced = reducePageNumber(href, null);
  if (reduced.ok) return reduced.dial;
  let shown = href.trim();
  try {
    shown = decodeURIComponent(shown);
  } catch {
    // shown as written
  }
  return cleanDisplayName(shown.replace(/^(tel|callto):(\/\/)?/i, '')) ?? '';
}
