import type { CountryCode } from 'libphonenumber-js/min';
import type { Contact } from '../contacts/contact';
import { ContactIndex, type ContactMatch, type SearchResult } from '../contacts/contactIndex';

/**
 * Every contact source's entries, merged into one index: the local address book first, then the
 * others in the order they were added. The index is rebuilt after each change, and listeners hear
 * of it (the softphone names its calls again, views re-resolve Recent calls).
 */
export class ContactDirectory {
  private readonly sources = new Map<string, readonly Contact[]>();
  private homeCountry: CountryCode | null = null;
  private index = new ContactIndex([], null);
  private readonly listeners = new Set<() => void>();

  setHomeCountry(country: CountryCode | null): void {
    if (country === this.homeCountry) return;
    this.homeCountry = country;
    this.rebuild();
  }

  /** Sets (or, with an empty list, empties) one source's contacts. */
  setSource(sourceId: string, contacts: readonly Contact[]): void {
    this.sources.set(sourceId, contacts);
    this.rebuild();
  }

  /** Sets several sources at once, with one rebuild of the index (empty lists empty them). */
  setSources(entries: ReadonlyMap<string, readonly Contact[]>): void {
    for (const [sourceId, contacts] of entries) this.sources.set(sourceId, contacts);
    if (entries.size > 0) this.rebuild();
  }

  /** The sources that hold contacts now. */
  sourceIds(): string[] {
    return [...this.sources].filter(([, contacts]) => contacts.length > 0).map(([id]) => id);
  }

  source(sourceId: string): readonly Contact[] {
    return this.sources.get(sourceId) ?? [];
  }

  get size(): number {
    return this.index.size;
  }

  search(query: string, limit?: number): SearchResult {
    return this.index.search(query, limit);
  }

  byNumber(number: string): Contact | null {
    return this.index.byNumber(number);
  }

  lookup(number: string): ContactMatch | null {
    return this.index.lookup(number);
  }

  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private rebuild(): void {
    this.index = new ContactIndex([...this.sources.values()].flat(), this.homeCountry);
    for (const listener of [...this.listeners]) listener();
  }
}
