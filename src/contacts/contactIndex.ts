import type { CountryCode } from 'libphonenumber-js/min';
import { nationalToE164 } from '../callerid/numbers';
import type { Contact, ContactNumber } from './contact';
import { foldText, isNumberQuery } from './fold';
import { numberKey } from './match';
import { runSliced, runToEnd, type Steps, sortSteps } from './slices';

export interface ContactMatch {
  contact: Contact;
  number: ContactNumber;
}

export interface SearchResult {
  contacts: Contact[];
  /** More contacts match than were given. */
  more: boolean;
}

interface Merged {
  contact: Contact;
  folded: string;
  foldedCompany: string;
  keys: string[];
  /** The digits of each of the contact's numbers, as written. */
  digits: string[];
}

/** Between two entries of a search text: no query contains it. */
const SEPARATOR = '\u0001';

/** What a contact's name, company and numbers fold to: the costly part of indexing it. */
interface Prepared {
  country: CountryCode | null;
  name: string;
  company: string;
  numbers: readonly ContactNumber[];
  count: number;
  folded: string;
  foldedCompany: string;
  keys: (string | null)[];
  digits: string[];
}

/**
 * Contacts already folded, for the next build: one saved contact or one synced card then costs
 * the index map look-ups for the others, not their folding. Keyed by the contact object, checked
 * against its fields, so a contact changed in place is folded again.
 */
const preparedContacts = new WeakMap<Contact, Prepared>();

function prepare(contact: Contact, country: CountryCode | null): Prepared {
  const known = preparedContacts.get(contact);
  if (
    known !== undefined &&
    known.country === country &&
    known.name === contact.name &&
    known.company === contact.company &&
    known.numbers === contact.numbers &&
    known.count === contact.numbers.length
  )
    return known;
  const prepared: Prepared = {
    country,
    name: contact.name,
    company: contact.company,
    numbers: contact.numbers,
    count: contact.numbers.length,
    folded: foldText(contact.name),
    foldedCompany: foldText(contact.company),
    keys: contact.numbers.map((n) => numberKey(n.value, country)),
    digits: contact.numbers.map((n) => n.value.replace(/\D/g, '')),
  };
  preparedContacts.set(contact, prepared);
  return prepared;
}

/** Contacts handled between two checks of the clock while building. */
const CONTACTS_PER_STEP = 200;

interface Parts {
  entries: Contact[];
  /** Each number key's entry, and the number as that entry has it. */
  owners: Map<string, Merged>;
  ownNumbers: Map<string, ContactNumber>;
  names: SearchText;
  digits: SearchText;
}

/**
 * The index's construction, as steps that can stop between any two: the merge, the sort by
 * name and the search texts, each in runs of a few hundred contacts.
 */
function* buildSteps(contacts: readonly Contact[], homeCountry: CountryCode | null): Steps<Parts> {
  const merged: Merged[] = [];
  const owners = new Map<string, Merged>();
  const numberOwners = new Map<string, ContactNumber>();
  let step = 0;
  for (const contact of contacts) {
    if (++step % CONTACTS_PER_STEP === 0) yield;
    const { folded, foldedCompany, keys, digits } = prepare(contact, homeCountry);
    let target: Merged | undefined;
    for (const key of keys) {
      const owner = key === null ? undefined : owners.get(key);
      if (owner?.folded === folded) {
        target = owner;
        break;
      }
    }
    if (target === undefined) {
      target = { contact: { ...contact, numbers: [] }, folded, foldedCompany, keys: [], digits: [] };
      merged.push(target);
    }
    contact.numbers.forEach((n, i) => {
      const key = keys[i] ?? null;
      if (target === undefined || (key !== null && target.keys.includes(key))) return;
      target.contact.numbers.push(n);
      target.digits.push(digits[i] ?? '');
      if (key === null) return;
      target.keys.push(key);
      if (!owners.has(key)) owners.set(key, target);
      if (!numberOwners.has(key)) numberOwners.set(key, n);
    });
  }
  const sorted = yield* sortSteps(merged, (a, b) => (a.folded < b.folded ? -1 : a.folded > b.folded ? 1 : 0));
  const names: string[] = [];
  const digitTexts: string[] = [];
  step = 0;
  for (const m of sorted) {
    if (++step % CONTACTS_PER_STEP === 0) yield;
    names.push(`${m.folded} ${m.foldedCompany}`);
    digitTexts.push([...m.digits, ...m.keys.map((k) => k.replace(/\D/g, ''))].join(' '));
  }
  yield;
  const namesText = new SearchText(names);
  yield;
  const digitsText = new SearchText(digitTexts);
  yield;
  return { entries: sorted.map((m) => m.contact), owners, ownNumbers: numberOwners, names: namesText, digits: digitsText };
}

/** How a build in slices runs. */
export interface BuildOptions {
  /** Longest run between two yields to the event loop. */
  sliceMs?: number;
  /** Asked between slices: true stops the build (a newer change needs another). */
  cancelled?: () => boolean;
}

/**
 * Every source's contacts as one index, built once per change and searched on each keystroke.
 * Two contacts with the same name (accents and case aside) that share a number are one entry
 * with the numbers of both; a number's caller is the first entry that has it, in the order of the
 * sources given. Search runs over two texts joined once (names with companies; the digits of
 * every number, as written and in E.164), so a keystroke costs a few `indexOf` over them, not
 * work per contact. `ContactIndex.build` builds the same index in slices of a few milliseconds,
 * so the document that builds it goes on answering SIP meanwhile.
 */
export class ContactIndex {
  readonly entries: readonly Contact[];
  private readonly owners: Map<string, Merged>;
  private readonly ownNumbers: Map<string, ContactNumber>;
  private readonly names: SearchText;
  private readonly digits: SearchText;

  /** The index built in slices that yield to the event loop; null when cancelled. */
  static async build(contacts: readonly Contact[], homeCountry: CountryCode | null, options: BuildOptions = {}): Promise<ContactIndex | null> {
    const parts = await runSliced(buildSteps(contacts, homeCountry), options.sliceMs ?? 8, options.cancelled ?? (() => false));
    return parts === null ? null : new ContactIndex(contacts, homeCountry, parts);
  }

  constructor(
    contacts: readonly Contact[],
    private readonly homeCountry: CountryCode | null,
    parts: Parts = runToEnd(buildSteps(contacts, homeCountry)),
  ) {
    this.entries = parts.entries;
    this.owners = parts.owners;
    this.ownNumbers = parts.ownNumbers;
    this.names = parts.names;
    this.digits = parts.digits;
  }

  get size(): number {
    return this.entries.length;
  }

  /** The contact a caller's or callee's number belongs to, or null. */
  byNumber(raw: string): Contact | null {
    return this.lookup(raw)?.contact ?? null;
  }

  /** The contact a number belongs to and that number as the contact has it, or null. */
  lookup(raw: string): ContactMatch | null {
    const key = numberKey(raw, this.homeCountry);
    if (key === null) return null;
    // A trunk that drops the + sends the country code first: "3225551234".
    return this.match(key) ?? (key.startsWith('digits:') ? this.match(`+${key.slice(7)}`) : null);
  }

  private match(key: string): ContactMatch | null {
    const owner = this.owners.get(key);
    const number = this.ownNumbers.get(key);
    return owner === undefined || number === undefined ? null : { contact: owner.contact, number };
  }

  /** Contacts whose name or company contains every word of `query`, or with a number containing its digits; by name. */
  search(query: string, limit = 50): SearchResult {
    if (query.trim() === '') return { contacts: this.entries.slice(0, limit), more: this.entries.length > limit };
    const hits = isNumberQuery(query) ? this.digits.find(this.digitVariants(query), limit) : this.names.find([foldText(query).split(' ')], limit);
    return { contacts: hits.found.map((i) => this.entries[i] as Contact), more: hits.more };
  }

  /** The digits typed, and, for a national number typed in the home country, its E.164 digits: each must match whole. */
  private digitVariants(query: string): string[][] {
    const compact = query.replace(/[^\d+]/g, '');
    const digits = compact.replace(/\D/g, '');
    const variants = [[digits]];
    if (compact.startsWith('00') && digits.length > 2) variants.push([digits.slice(2)]);
    if (this.homeCountry !== null && /^0[1-9]/.test(digits)) {
      const e164 = nationalToE164(digits, this.homeCountry);
      if (e164 !== null) variants.push([e164.slice(1)]);
    }
    return variants;
  }
}

/** The texts of all entries joined into one string, with each entry's start, for fast substring search. */
class SearchText {
  private readonly text: string;
  private readonly starts: Int32Array;

  constructor(texts: readonly string[]) {
    this.starts = new Int32Array(texts.length + 1);
    let offset = 0;
    texts.forEach((t, i) => {
      this.starts[i] = offset;
      offset += t.length + 1;
    });
    this.starts[texts.length] = offset;
    this.text = texts.join(SEPARATOR) + SEPARATOR;
  }

  /**
   * Entries (in index order) that match one of the variants, a variant being words that must all
   * occur in the entry. The longest word of each variant is looked up with indexOf; the others are
   * checked in the entries it finds.
   */
  find(variants: readonly string[][], limit: number): { found: number[]; more: boolean } {
    const found = new Set<number>();
    let more = false;
    for (const words of variants) {
      const [longest, ...others] = [...words].filter((w) => w !== '').sort((a, b) => b.length - a.length);
      if (longest === undefined) continue;
      let from = 0;
      for (;;) {
        const at = this.text.indexOf(longest, from);
        if (at < 0) break;
        const entry = this.entryAt(at);
        const start = this.starts[entry] ?? 0;
        const end = (this.starts[entry + 1] ?? 0) - 1;
        from = end + 1;
        if (found.has(entry)) continue;
        if (others.length > 0) {
          const segment = this.text.slice(start, end);
          if (!others.every((w) => segment.includes(w))) continue;
        }
        if (found.size >= limit) {
          more = true;
          break;
        }
        found.add(entry);
      }
    }
    return { found: [...found].sort((a, b) => a - b).slice(0, limit), more };
  }

  private entryAt(position: number): number {
    let low = 0;
    let high = this.starts.length - 2;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if ((this.starts[mid] ?? 0) <= position) low = mid;
      else high = mid - 1;
    }
    return low;
  }
}
