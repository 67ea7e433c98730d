/**
 * The one reading of a dial string: what the agent typed or pasted, a number from a page, a queue
 * code. The caller ID line, paste cleaning and the softphone's dialling all read it here, so what
 * dials is exactly what the caller ID line and the pasted number describe.
 */

/**
 * Why a number cannot be dialled: a code the views put in the agent's words (numberProblemText in src/i18n/errorText.ts),
 * with the offending character where there is one.
 */
export interface NumberProblem {
  code:
    | 'empty'
    | 'too_long'
    | 'letters'
    | 'plus_not_first'
    | 'plus_with_code'
    | 'bad_character'
    | 'no_country_code'
    | 'country_code_zero'
    // Numbers from web pages (src/clicktocall/pageNumber.ts):
    | 'not_a_phone_link'
    | 'sip_not_callable'
    | 'sip_other_domain'
    | 'more_than_a_number'
    | 'page_digits_only'
    | 'nothing_selected'
    | 'none_in_selection';
  char?: string;
}

/** What a dial string is, before any caller ID is chosen. */
export type DialString =
  | { kind: 'international'; digits: string } // starts with 00, e.g. "00442079460958"
  | { kind: 'national'; digits: string } // to be read in the home country, e.g. "025551234"
  | { kind: 'internal'; destination: string } // extension, queue or feature code
  | { kind: 'invalid'; error: NumberProblem };

/** Longest number the softphone dials, in digits (separators, * and # not counted). */
export const MAX_DIAL_DIGITS = 32;
/** Longest text read as a dial string, separators included. */
export const MAX_DIAL_LENGTH = 64;
/** Longest string of digits that is still an extension rather than a phone number. */
export const MAX_INTERNAL_DIGITS = 6;

const SCHEME = /^(tel|callto):/i;
// \s includes the non-breaking space that word processors and web pages put in numbers.
const SEPARATOR = /[\s().\-/]/;
const LETTER = /\p{L}/u;
/** "+44 (0)20 ..." — the trunk 0 written after the country code must not be dialled. */
const TRUNK_ZERO_AFTER_DIGIT = /(\d[\s.\-/]*)\(\s*0\s*\)/g;
const INTERNATIONAL_START = /^[\s(]*(\+|00)/;
const PLUS_START = /^[\s(]*\+/;

function invalid(code: NumberProblem['code'], char?: string): DialString {
  return { kind: 'invalid', error: char === undefined ? { code } : { code, char } };
}

function tooLong(): DialString {
  return invalid('too_long');
}

function refuse(ch: string): DialString {
  if (LETTER.test(ch)) return invalid('letters');
  if (ch === '+') return invalid('plus_not_first');
  if (ch === '*' || ch === '#') return invalid('plus_with_code');
  return invalid('bad_character', ch);
}

/** A feature, service or queue code such as "*72", "#21#" or "500#": digits, * and #. */
function readFeatureCode(text: string): DialString {
  let destination = '';
  let digitCount = 0;
  for (const ch of text) {
    if (ch >= '0' && ch <= '9') digitCount++;
    else if (SEPARATOR.test(ch)) continue;
    else if (ch !== '*' && ch !== '#') return refuse(ch);
    destination += ch;
  }
  return digitCount > MAX_DIAL_DIGITS ? tooLong() : { kind: 'internal', destination };
}

/** Cleans and classifies what was typed or pasted (a leading tel: or callto: is read past). Never throws. */
export function classifyDialString(input: string): DialString {
  if (typeof input !== 'string') return invalid('empty');
  const text = input.trim().replace(SCHEME, '');
  if (text.trim() === '') return invalid('empty');
  if (text.length > MAX_DIAL_LENGTH) return tooLong();

  if (!PLUS_START.test(text) && /[*#]/.test(text)) return readFeatureCode(text);

  const source = INTERNATIONAL_START.test(text) ? text.replace(TRUNK_ZERO_AFTER_DIGIT, '$1') : text;
  let digits = '';
  let plus = false;
  for (const ch of source) {
    if (ch >= '0' && ch <= '9') {
      digits += ch;
      if (digits.length > MAX_DIAL_DIGITS) return tooLong();
    } else if (ch === '+' && !plus && digits === '') {
      plus = true;
    } else if (!SEPARATOR.test(ch)) {
      return refuse(ch);
    }
  }

  if (plus) {
    if (digits === '') return invalid('no_country_code');
    if (digits.startsWith('0')) return invalid('country_code_zero');
    return { kind: 'international', digits: `00${digits}` };
  }
  if (digits === '') return invalid('empty');
  if (digits.startsWith('00')) {
    if (digits.length === 2) return invalid('no_country_code');
    if (digits[2] === '0') return invalid('country_code_zero');
    return { kind: 'international', digits };
  }
  if (digits.length <= MAX_INTERNAL_DIGITS && !digits.startsWith('0')) return { kind: 'internal', destination: digits };
  return { kind: 'national', digits };
}

export type DialStringResult = { ok: true; dial: string } | { ok: false; error: NumberProblem };

/**
 * What the softphone dials for a dial string: its classification written as digits, * and #,
 * with a leading + where the agent wrote one (00 stays 00). Refused with the classifier's reason.
 */
export function toDialString(input: string): DialStringResult {
  const dial = classifyDialString(input);
  switch (dial.kind) {
    case 'invalid':
      return { ok: false, error: dial.error };
    case 'international':
      return { ok: true, dial: PLUS_START.test(input.trim().replace(SCHEME, '')) ? `+${dial.digits.slice(2)}` : dial.digits };
    case 'national':
      return { ok: true, dial: dial.digits };
    case 'internal':
      return { ok: true, dial: dial.destination };
  }
}
