import type { CountryCode } from 'libphonenumber-js/min';
import type { CallContact } from '../contacts/callContact';
import { CRM_TIMEOUT_MS, crmAnswerContact, crmLookupUrl } from '../contacts/crmLookup';

/** How long an answer (a name, or "unknown") is kept before the CRM is asked again. */
const KEEP_MS = 10 * 60_000;
/** A failed or timed-out lookup is not tried again sooner than this. */
const RETRY_FAILED_MS = 60_000;
const MAX_KEPT = 2000;

/**
 * Asks the CRM lookup URL who a number is. Nothing waits for it: the call rings at once, and an
 * answer that comes within the time-out names it (`onAnswer`). Answers are kept, per URL, for
 * ten minutes; one lookup per URL is in flight at a time.
 */
export class CrmLookup {
  private template = '';
  private homeCountry: CountryCode | null = null;
  private readonly kept = new Map<string, { contact: CallContact | null; until: number }>();
  private readonly asking = new Set<string>();

  constructor(
    private readonly onAnswer: () => void,
    private readonly fetcher: typeof fetch = (input, init) => fetch(input, init),
  ) {}

  configure(template: string, homeCountry: CountryCode | null): void {
    if (template !== this.template) this.kept.clear();
    this.template = template;
    this.homeCountry = homeCountry;
  }

  /** What the CRM said about `number`, if it has; asks it when it has not (or no longer holds it). */
  contactOf(number: string, now = Date.now()): CallContact | null {
    if (this.template === '') return null;
    const url = crmLookupUrl(this.template, number, this.homeCountry);
    if (url === null) return null;
    const kept = this.kept.get(url);
    if (kept && kept.until > now) return kept.contact;
    void this.ask(url, number);
    return kept?.contact ?? null;
  }

  private async ask(url: string, number: string): Promise<void> {
    if (this.asking.has(url)) return;
    this.asking.add(url);
    const abort = new AbortController();
    const timer = setTimeout(() => abort.abort(), CRM_TIMEOUT_MS);
    let contact: CallContact | null = null;
    let failed = false;
    try {
      const response = await this.fetcher(url, { signal: abort.signal, credentials: 'include', headers: { accept: 'application/json' } });
      if (response.status === 404) contact = null;
      else if (!response.ok) failed = true;
      else contact = crmAnswerContact(await response.json(), number);
    } catch {
      failed = true;
    } finally {
      clearTimeout(timer);
      this.asking.delete(url);
    }
    if (this.kept.size >= MAX_KEPT) this.kept.delete(this.kept.keys().next().value as string);
    this.kept.set(url, { contact, until: Date.now() + (failed ? RETRY_FAILED_MS : KEEP_MS) });
    if (contact !== null) this.onAnswer();
  }
}
