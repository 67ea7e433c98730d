/**
 * The one reading of a dial string: what the agent typed or pasted, a number from a page, a queue
 * code. The caller ID line, paste cleaning and the softphone's dialling all read it here, so what
 * dials is exactly what the caller ID line and the pasted number describe.
 */

/** What a dial string is, before any caller ID is chosen. */
export type DialString =
  | { kind: 'international'; digits: string } // starts with 00, e.g. "00442079460958"
  | { kind: 'national'; digits: string } // to be read in the home country, e.g. "025551234"
  | { kind: 'internal'; destination: string } // extension, queue or feature code
  | { kind: 'invalid'; error: string };

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

function tooLong(): DialString {
  return { kind: 'invalid', error: `That number is too long (at most ${MAX_DIAL_DIGITS} digits)` };
}

function refuse(ch: string): DialString {
  if (LETTER.test(ch)) return { kind: 'invalid', error: 'A phone number cannot contain letters' };
  if (ch === '+') return { kind: 'invalid', error: 'A + may only start the number' };
  if (ch === '*' || ch === '#') return { kind: 'invalid', error: 'A number with + cannot contain * or #' };
  return { kind: 'invalid', error: `"${ch}" is not allowed: use digits, spaces and + ( ) . - /` };
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
  if (typeof input !== 'string') return { kind: 'invalid', error: 'Enter a number to call' };
  const text = input.trim().replace(SCHEME, '');
  if (text.trim() === '') return { kind: 'invalid', error: 'Enter a number to call' };
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
    if (digits === '') return { kind: 'invalid', error: 'Enter the country code after +' };
    if (digits.startsWith('0')) return { kind: 'invalid', error: 'After + comes the country code, which never starts with 0' };
    return { kind: 'international', digits: `00${digits}` };
  }
  if (digits === '') return { kind: 'invalid', error: 'Enter a number to call' };
  if (digits.startsWith('00')) {
    if (digits.length === 2) return { kind: 'invalid', error: 'Enter the country code after 00' };
    if (digits[2] === '0') return { kind: 'invalid', error: 'After 00 comes the country code, which never starts with 0' };
    return { kind: 'international', digits };
  }
  if (digits.length <= MAX_INTERNAL_DIGITS && !digits.startsWith('0')) return { kind: 'internal', destination: digits };
  return { kind: 'national', digits };
}

export type DialStringResult = { ok: true; dial: string } | { ok: false; error: string };

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
