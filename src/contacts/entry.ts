import { cleanDisplayName } from '../calls/remoteParty';
import type { Contact, ContactNumber } from './contact';

/** Why an entry of an imported file was left out, for the views to word. */
export type SkipReason = 'no_name_or_number' | 'no_number' | 'malformed_line' | 'unterminated_card' | 'too_large';

export interface Skipped {
  /** 1-based line of the file where the entry (or the line at fault) starts. */
  line: number;
  reason: SkipReason;
}

export interface ReadResult {
  contacts: Contact[];
  skipped: Skipped[];
}

export const MAX_NUMBERS_PER_CONTACT = 20;
const MAX_NUMBER_LENGTH = 64;
/** What a number may be written with: digits, a leading +, * and # of feature codes, and separators. */
const NUMBER = /^\+?[\d*#\s().\-/]+$/;

/** A number as a source wrote it, made safe to keep: `tel:` and extensions-as-parameters removed; null when it is not a number. */
export function cleanNumber(raw: string): string | null {
  const value = raw
    .trim()
    .replace(/^tel:/i, '')
    .replace(/;.*$/, '')
    .replace(/[\u00a0\u2000-\u200b]/g, ' ')
    .trim();
  if (value.length === 0 || value.length > MAX_NUMBER_LENGTH || !NUMBER.test(value) || !/\d/.test(value)) return null;
  return value;
}

/**
 * The contact a source entry describes, or null when it has neither a name nor a number. Names
 * and companies are cleaned like a caller's display name (no invisible or bidi characters): an
 * imported file must not be able to dress one caller up as another. A contact without a name
 * takes its company's, or its first number; one without a number has nothing to call.
 */
export function contactFrom(fields: {
  id: string;
  name: string;
  company: string;
  numbers: readonly ContactNumber[];
  sourceId: string;
}): Contact | 'no_number' | 'no_name_or_number' {
  const seen = new Set<string>();
  const numbers: ContactNumber[] = [];
  for (const n of fields.numbers) {
    const value = cleanNumber(n.value);
    if (value === null || seen.has(value) || numbers.length >= MAX_NUMBERS_PER_CONTACT) continue;
    seen.add(value);
    numbers.push({ label: n.label, value });
  }
  const name = cleanDisplayName(fields.name.replace(/\s+/g, ' '));
  const company = cleanDisplayName(fields.company.replace(/\s+/g, ' ')) ?? '';
  const [first] = numbers;
  if (first === undefined) return name === null && company === '' ? 'no_name_or_number' : 'no_number';
  return { id: fields.id, name: name ?? (company || first.value), company, numbers, sourceId: fields.sourceId };
}
