import type { CountryCode } from 'libphonenumber-js/min';
import { normalizeNumber } from '../callerid/numbers';
import { MAX_INTERNAL_DIGITS } from '../numbers/dialString';

/**
 * The key two numbers share when they are the same line: E.164 for phone numbers, whichever way
 * they are written (national in the home country, international with `+` or `00`, any spaces and
 * punctuation); the exact digits for short internal extensions and feature codes, so `101` never
 * matches `+32 101`. Null when there is nothing to match.
 */
export function numberKey(raw: string, homeCountry: CountryCode | null): string | null {
  const compact = raw.replace(/[\s().\-/\u00a0]/g, '');
  if (compact === '' || !/\d/.test(compact)) return null;
  if (/[*#]/.test(compact) || (/^\d+$/.test(compact) && compact.length <= MAX_INTERNAL_DIGITS)) return `ext:${compact}`;
  const e164 = normalizeNumber(compact, homeCountry);
  if (e164 !== null) return e164;
  const digits = compact.replace(/\D/g, '');
  return digits === '' ? null : `digits:${digits}`;
}
