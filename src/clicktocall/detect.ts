import { type CountryCode, findPhoneNumbersInText, isSupportedCountry } from 'libphonenumber-js/min';

/** A phone number written in a text, with where it is (UTF-16 offsets, end exclusive). */
export interface FoundNumber {
  start: number;
  end: number;
  /** As written on the page, e.g. "02 555 12 34". */
  text: string;
  /** E.164, e.g. "+3225551234". */
  e164: string;
}

/**
 * Six digits, possibly separated: fewer cannot be a number worth calling from a page. Most text
 * has no such run, and this check is two orders of magnitude cheaper than the full search, which
 * is what keeps a 5 MB page of prose cheap to scan.
 */
const DIGIT_RUN = /\d(?:[\s().\-/\u00a0]{0,3}\d){5}/;

/** Longer texts are cut into pieces this long for the search (numbers across a cut are missed). */
const MAX_SEARCH_LENGTH = 10_000;

/** ISO and European dates and times, which the phone number search (with minimal metadata) can take for numbers. */
const DATE_OR_TIME = /^(?:\d{4}[-./]\d{1,2}[-./]\d{1,2}|\d{1,2}[-./]\d{1,2}[-./]\d{2,4})(?:[ T]\d{1,2}[:h]\d{2})?$/;

export function mayContainNumber(text: string): boolean {
  return DIGIT_RUN.test(text);
}

/** The phone numbers in `text`, national ones read in `country`. */
export function findNumbers(text: string, country: CountryCode): FoundNumber[] {
  if (!mayContainNumber(text)) return [];
  const found: FoundNumber[] = [];
  for (let offset = 0; offset < text.length; offset += MAX_SEARCH_LENGTH) {
    const piece = text.slice(offset, offset + MAX_SEARCH_LENGTH);
    if (!mayContainNumber(piece)) continue;
    for (const match of findPhoneNumbersInText(piece, { defaultCountry: country })) {
      if (DATE_OR_TIME.test(piece.slice(match.startsAt, match.endsAt))) continue;
      found.push({
        start: offset + match.startsAt,
        end: offset + match.endsAt,
        text: piece.slice(match.startsAt, match.endsAt),
        e164: match.number.number,
      });
    }
  }
  return found;
}

/** Between two texts searched together: no number the search finds spans it, nor does it change what is found next to it. */
const TEXTS_SEPARATOR = '\n\n';

/**
 * The numbers in each of `texts`, as findNumbers would give them text by text, from one search
 * over as many texts as fit in a search piece: a search costs as much again to set up as to read
 * a short text, and a table has thousands of short texts.
 */
export function findNumbersInTexts(texts: readonly string[], country: CountryCode): FoundNumber[][] {
  const found: FoundNumber[][] = [];
  for (let first = 0; first < texts.length; ) {
    let next = first + 1;
    let length = texts[first]!.length;
    while (next < texts.length && length + TEXTS_SEPARATOR.length + texts[next]!.length <= MAX_SEARCH_LENGTH) {
      length += TEXTS_SEPARATOR.length + texts[next]!.length;
      next++;
    }
    found.push(...searchTogether(texts.slice(first, next), country));
    first = next;
  }
  return found;
}

function searchTogether(texts: readonly string[], country: CountryCode): FoundNumber[][] {
  if (texts.length === 1) return [findNumbers(texts[0]!, country)];
  const found = texts.map((): FoundNumber[] => []);
  const starts: number[] = [];
  let length = 0;
  for (const text of texts) {
    starts.push(length);
    length += text.length + TEXTS_SEPARATOR.length;
  }
  let index = 0;
  for (const number of findNumbers(texts.join(TEXTS_SEPARATOR), country)) {
    while (index + 1 < texts.length && starts[index + 1]! <= number.start) index++;
    const start = number.start - starts[index]!;
    const end = number.end - starts[index]!;
    if (end > texts[index]!.length) continue;
    found[index]!.push({ ...number, start, end });
  }
  return found;
}

/**
 * The country national numbers are read in: the caller ID settings' home country when set, else
 * the region of the browser's language ("fr-BE" gives BE), else Belgium (Axivox's home market).
 */
export function readingCountry(homeCountry: unknown, locale: string | undefined): CountryCode {
  if (typeof homeCountry === 'string' && isSupportedCountry(homeCountry.trim().toUpperCase())) return homeCountry.trim().toUpperCase() as CountryCode;
  const region = locale?.split(/[-_]/)[1]?.toUpperCase();
  if (region && isSupportedCountry(region)) return region;
  return 'BE';
}
