import { AsYouType, type CountryCode, isSupportedCountry, parsePhoneNumberFromString } from 'libphonenumber-js/min';

const SEPARATORS = /[\s().\-/]/g;

export function homeCountryCode(country: unknown): CountryCode | null {
  if (typeof country !== 'string') return null;
  const upper = country.trim().toUpperCase();
  return isSupportedCountry(upper) ? upper : null;
}

/** A rule prefix in the form destinations are compared in: "+44" and "00 44" both give "0044". */
export function normalizeRulePrefix(prefix: string): string {
  const compact = prefix.replace(SEPARATORS, '');
  return compact.startsWith('+') ? `00${compact.slice(1)}` : compact;
}

/**
 * A configured number in E.164 ("+32 2 555 12 34", "0032 2 555 12 34" and, in Belgium,
 * "02 555 12 34" all give "+3225551234"), or null when it cannot be read as one.
 */
export function normalizeNumber(raw: string, homeCountry: CountryCode | null): string | null {
  const compact = raw.replace(SEPARATORS, '');
  if (/^\+[1-9]\d{0,14}$/.test(compact)) return compact;
  if (/^00[1-9]\d{0,14}$/.test(compact)) return `+${compact.slice(2)}`;
  if (homeCountry === null || !/^\d{1,17}$/.test(compact)) return null;
  const parsed = parsePhoneNumberFromString(compact, homeCountry);
  return parsed?.isPossible() ? parsed.number : null;
}

/** Whether an E.164 string has a length the numbering plan of its country allows. */
export function isPossibleE164(e164: string): boolean {
  return parsePhoneNumberFromString(e164)?.isPossible() ?? false;
}

/**
 * Reads the digits of a national number in the home country and gives it in E.164, or null.
 * AsYouType rather than a one-shot parse: it also reads incomplete numbers as they are typed
 * (BE "02555" gives +322555 where a parse keeps the trunk 0 and gives +3202555).
 */
export function nationalToE164(digits: string, homeCountry: CountryCode): string | null {
  try {
    const typing = new AsYouType(homeCountry);
    typing.input(digits);
    return typing.getNumber()?.number ?? null;
  } catch {
    return null;
  }
}
