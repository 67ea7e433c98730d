import { type CountryCode, getCountryCallingCode, Metadata } from 'libphonenumber-js/min';
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
  const trunk = homeCountry === null ? null : plainTrunkPrefix(homeCountry);
  if (trunk !== null && /^0[1-9]\d{5,15}$/.test(compact)) return `+${trunk}${compact.slice(1)}`;
  const e164 = normalizeNumber(compact, homeCountry);
  if (e164 !== null) return e164;
  const digits = compact.replace(/\D/g, '');
  return digits === '' ? null : `digits:${digits}`;
}

const plainPlans = new Map<CountryCode, string | null>();

/**
 * The country calling code of a home country whose national numbers are its E.164 numbers
 * after one trunk 0 (Belgium, France, Germany, the Netherlands, Sweden…), or null for those
 * with other rules (Italy keeps its 0, the UK and the US have more): for the first a national
 * number's key is a string operation, which an index of 100,000 contacts needs; the others are
 * read by libphonenumber-js.
 */
function plainTrunkPrefix(country: CountryCode): string | null {
  if (!plainPlans.has(country)) {
    const metadata = new Metadata();
    metadata.selectNumberingPlan(country);
    // Methods the numbering plan has at run time but not in its published types; without them, the slow path.
    const plan = metadata.numberingPlan as unknown as Partial<
      Record<'nationalPrefix' | 'nationalPrefixForParsing' | 'nationalPrefixTransformRule', () => unknown>
    >;
    const plain =
      typeof plan?.nationalPrefix === 'function' &&
      plan.nationalPrefix() === '0' &&
      plan.nationalPrefixForParsing?.() === '0' &&
      plan.nationalPrefixTransformRule?.() === undefined;
    plainPlans.set(country, plain ? getCountryCallingCode(country) : null);
  }
  return plainPlans.get(country) ?? null;
}
