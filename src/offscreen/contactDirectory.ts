import type { CountryCode } from 'libphonenumber-js/min';
import type { Contact } from '../contacts/contact';
import { ContactIndex, type ContactMatch, type SearchResult } from '../contacts/contactIndex';

/**
 * Every contact source's entries, merged into one index: the local address book first, then the
 * others in the order they were added. The index is rebuilt after each change, in slices that
 * leave the document free for SIP between them; until the new index is ready the old one answers
 * lookups and searches. A change during a build starts the build again with it: the newest change
 * wins. Listeners hear of each new index (the softphone names its calls again, views re-resolve
 * Recent calls).
 */
export class ContactDirectory {
  private readonly sources = new Map<string, readonly Contact[]>();
  private homeCountry: CountryCode | null = null;
  private index = new ContactIndex([], null);
  private readonly listeners = new Set<() => void>();
  /** Counts changes; a build whose change is no longer the newest stops. */
  private version = 0;
  private builtVersion = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(private readonly sliceMs = 8) {}

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

  /** Resolves once the index answers for every change made so far. */
  settled(): Promise<void> {
    if (this.builtVersion === this.version) return Promise.resolve();
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  private rebuild(): void {
    const version = ++this.version;
    const contacts = [...this.sources.values()].flat();
    ContactIndex.build(contacts, this.homeCountry, { sliceMs: this.sliceMs, cancelled: () => version !== this.version }).then(
      (index) => {
        if (index === null || version !== this.version) return;
        this.index = index;
        this.builtVersion = version;
        for (const resolve of this.waiting.splice(0)) resolve();
        for (const listener of [...this.listeners]) listener();
      },
      (error: unknown) => {
        // The old index goes on answering; nobody waits for one that will not come.
        console.warn('contact index not built:', error);
        if (version !== this.version) return;
        this.builtVersion = version;
        for (const resolve of this.waiting.splice(0)) resolve();
      },
    );
  }
}
