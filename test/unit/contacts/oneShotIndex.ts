/** The contact index as it was built before it was built in slices, whole in its constructor: the reference its successor must answer like. */
import type { CountryCode } from 'libphonenumber-js/min';
import { nationalToE164 } from '../../../src/callerid/numbers';
import type { Contact, ContactNumber } from '../../../src/contacts/contact';
import { foldText, isNumberQuery } from '../../../src/contacts/fold';
import { numberKey } from '../../../src/contacts/match';

interface ContactMatch {
  contact: Contact;
  number: ContactNumber;
}

interface SearchResult {
  contacts: Contact[];
  /** More contacts match than were given. */
  more: boolean;
}

interface Merged {
  contact: Contact;
  folded: string;
  keys: string[];
}

/** Between two entries of a search text: no query contains it. */
const SEPARATOR = '\u0001';

/**
 * Every source's contacts as one index, built once per change and searched on each keystroke.
 * Two contacts with the same name (accents and case aside) that share a number are one entry
 * with the numbers of both; a number's caller is the first entry that has it, in the order of the
 * sources given. Search runs over two texts joined once (names with companies; the digits of
 * every number, as written and in E.164), so a keystroke costs a few `indexOf` over them, not
 * work per contact.
 */
export class OneShotIndex {
  readonly entries: readonly Contact[];
  private readonly owners = new Map<string, ContactMatch>();
  private readonly names: SearchText;
  private readonly digits: SearchText;

  constructor(
    contacts: readonly Contact[],
    private readonly homeCountry: CountryCode | null,
  ) {
    const merged: Merged[] = [];
    const owners = new Map<string, Merged>();
    const numberOwners = new Map<string, ContactNumber>();
    for (const contact of contacts) {
      const folded = foldText(contact.name);
      const keys = contact.numbers.map((n) => numberKey(n.value, homeCountry));
      let target: Merged | undefined;
      for (const key of keys) {
        const owner = key === null ? undefined : owners.get(key);
        if (owner?.folded === folded) {
          target = owner;
          break;
        }
      }
      if (target === undefined) {
        target = { contact: { ...contact, numbers: [] }, folded, keys: [] };
        merged.push(target);
      }
      contact.numbers.forEach((n, i) => {
        const key = keys[i] ?? null;
        if (target === undefined || (key !== null && target.keys.includes(key))) return;
        target.contact.numbers.push(n);
        if (key === null) return;
        target.keys.push(key);
        if (!owners.has(key)) owners.set(key, target);
        if (!numberOwners.has(key)) numberOwners.set(key, n);
      });
    }
    for (const [key, owner] of owners) this.owners.set(key, { contact: owner.contact, number: numberOwners.get(key) as ContactNumber });
    merged.sort((a, b) => (a.folded < b.folded ? -1 : a.folded > b.folded ? 1 : 0));
    this.entries = merged.map((m) => m.contact);
    this.names = new SearchText(merged.map((m) => `${m.folded} ${foldText(m.contact.company)}`));
    this.digits = new SearchText(
      merged.map((m) => [...m.contact.numbers.map((n) => n.value.replace(/\D/g, '')), ...m.keys.map((k) => k.replace(/\D/g, ''))].join(' ')),
    );
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
    const found = this.owners.get(key);
    if (found) return found;
    // A trunk that drops the + sends the country code first: "3225551234".
    return key.startsWith('digits:') ? (this.owners.get(`+${key.slice(7)}`) ?? null) : null;
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
