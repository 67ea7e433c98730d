import type { CountryCode } from 'libphonenumber-js/min';
import { findNumbers } from './detect';
import { type PageNumberResult, reducePageNumber } from './pageNumber';

const MAX_SELECTION = 1000;

/**
 * The number in a selection: the selection itself when it is a number ("02 555 12 34"), else the
 * first phone number written in it ("Call Anna on +32 2 555 12 34 today").
 */
export function numberInSelection(selection: string, country: CountryCode, accountDomain: string | null): PageNumberResult {
  const text = selection.trim();
  if (text === '') return { ok: false, error: { code: 'nothing_selected' } };
  if (text.length <= 128) {
    const whole = reducePageNumber(text, accountDomain);
    if (whole.ok) return whole;
  }
  const first = findNumbers(text.slice(0, MAX_SELECTION), country)[0];
  if (!first) return { ok: false, error: { code: 'none_in_selection' } };
  return reducePageNumber(first.e164, accountDomain);
}
