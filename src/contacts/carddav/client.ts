import { fail, failureCode, isStatusFailure } from './errors';
import { type DavResponse, isAddressBook, type Multistatus, parseMultistatus } from './multistatus';
import { addressBookMultiget, collectionsPropfind, discoveryPropfind, etagsPropfind, stampsPropfind, syncCollection } from './requests';
import type { DavRequest, DavTransport } from './transport';

export interface AddressBookRef {
  url: string;
  displayName: string;
}

/**
 * A 403 that names a WebDAV precondition (RFC 4918 section 16: a DAV:error body, e.g. the
 * valid-sync-token of an expired token) is about the request, not about who sent it.
 */
function isPreconditionFailure(body: string): boolean {
  return /<([A-Za-z_][\w.-]*:)?error[\s>][\s\S]*DAV:/.test(body.slice(0, 4096));
}

/** Sends a request and reads its 207 answer; 401/403 and other statuses fail with their code. */
async function multistatus(transport: DavTransport, request: DavRequest): Promise<Multistatus & { url: string }> {
  const answer = await transport(request);
  if (answer.status === 401 || (answer.status === 403 && !isPreconditionFailure(answer.body))) fail({ code: 'auth_failed', status: answer.status });
  if (answer.status !== 207) fail({ code: 'http_status', status: answer.status, url: answer.url });
  return { ...parseMultistatus(answer.body, answer.url), url: answer.url };
}

/** The answer's response about the URL asked (or, with one response, that one). */
function self(answer: Multistatus & { url: string }): DavResponse | undefined {
  const same = (a: string, b: string) => a.replace(/\/$/, '') === b.replace(/\/$/, '');
  return answer.responses.find((r) => same(r.href, answer.url)) ?? (answer.responses.length === 1 ? answer.responses[0] : undefined);
}

/** Where to look, in order: the URL given, and its server's well-known CardDAV location (RFC 6764) before it when only a server was given. */
export function discoveryCandidates(serverUrl: string): string[] {
  const url = new URL(serverUrl);
  const wellKnown = `${url.origin}/.well-known/carddav`;
  return url.pathname === '/' || url.pathname === '' ? [wellKnown, url.href] : [url.href, wellKnown];
}

/**
 * Finds the user's address books from a URL, which may be the server, the principal, the home or
 * an address book itself: current-user-principal, then addressbook-home-set, then the home's
 * address book collections (RFC 6352 section 7).
 */
export async function discoverAddressBooks(transport: DavTransport, serverUrl: string): Promise<AddressBookRef[]> {
  let home: string | null = null;
  let lastError: unknown = null;
  for (const candidate of discoveryCandidates(serverUrl)) {
    let answer: Multistatus & { url: string };
    try {
      answer = await multistatus(transport, { method: 'PROPFIND', url: candidate, depth: '0', body: discoveryPropfind });
    } catch (error) {
      // Refused credentials or no server at all: another URL on the same server will not do better.
      const code = failureCode(error);
      if (code === 'auth_failed' || code === 'unreachable' || code === 'timeout') throw error;
      lastError = error;
      continue;
    }
    const found = self(answer);
    if (!found) continue;
    if (isAddressBook(found.properties)) return [{ url: found.href, displayName: found.properties.displayName || '' }];
    home = found.properties.addressBookHomeSet ?? null;
    const principal = found.properties.currentUserPrincipal;
    if (home === null && principal !== undefined) {
      const ofPrincipal = self(await multistatus(transport, { method: 'PROPFIND', url: principal, depth: '0', body: discoveryPropfind }));
      home = ofPrincipal?.properties.addressBookHomeSet ?? null;
    }
    // The agent's own URL, naming no principal, may itself be the home (a URL copied from a server's web page).
    if (home === null && candidate === new URL(serverUrl).href) home = found.href;
    if (home !== null) break;
  }
  if (home === null) {
    if (lastError) throw lastError;
    fail({ code: 'no_address_book' });
  }
  const listing = await multistatus(transport, { method: 'PROPFIND', url: home, depth: '1', body: collectionsPropfind });
  const books = listing.responses.filter((r) => isAddressBook(r.properties)).map((r) => ({ url: r.href, displayName: r.properties.displayName || '' }));
  if (books.length === 0) fail({ code: 'no_address_book' });
  return books;
}

/** What is known of an address book between syncs. */
export interface SyncState {
  syncToken: string | null;
  ctag: string | null;
}

export const freshSyncState: SyncState = { syncToken: null, ctag: null };

export interface FetchedCard {
  href: string;
  etag: string;
  vcard: string;
}

export interface SyncLimits {
  /** Most sync-collection rounds in one sync (a server truncating with 507 asks for another). */
  maxRounds: number;
  /** Most cards in one address book. */
  maxCards: number;
  /** A card larger than this (characters) is skipped, not stored. */
  maxCardChars: number;
  /** Cards asked for in one addressbook-multiget. */
  batchSize: number;
}

export const defaultSyncLimits: SyncLimits = { maxRounds: 50, maxCards: 200_000, maxCardChars: 1_000_000, batchSize: 500 };

export interface SyncOutcome {
  state: SyncState;
  /** Cards new or changed since the known ones (fetched now). */
  upserts: FetchedCard[];
  /** Hrefs of known cards that are gone. */
  deletes: string[];
  /** Cards skipped: too large, or announced but not delivered. */
  skipped: number;
  /** How the changes were found. */
  method: 'sync-collection' | 'etags' | 'unchanged';
}

type Listing = Map<string, string | null>;

interface SyncCollectionResult {
  token: string | null;
  changed: Listing;
  deleted: Set<string>;
}

const sameHref = (a: string, b: string) => a.replace(/\/$/, '') === b.replace(/\/$/, '');

/** Runs sync-collection from `token` until the server stops truncating (507), within limits. */
async function syncCollectionRounds(transport: DavTransport, bookUrl: string, token: string, limits: SyncLimits): Promise<SyncCollectionResult> {
  const changed: Listing = new Map();
  const deleted = new Set<string>();
  const seenTokens = new Set<string>();
  let current = token;
  for (let round = 1; ; round += 1) {
    if (round > limits.maxRounds) fail({ code: 'sync_loop', rounds: limits.maxRounds });
    const answer = await multistatus(transport, { method: 'REPORT', url: bookUrl, depth: '1', body: syncCollection(current) });
    let truncated = false;
    for (const response of answer.responses) {
      if (sameHref(response.href, bookUrl)) {
        truncated ||= response.status === 507;
        continue;
      }
      if (response.status === 404) {
        deleted.add(response.href);
        changed.delete(response.href);
      } else {
        changed.set(response.href, response.properties.etag ?? null);
        deleted.delete(response.href);
      }
      if (changed.size > limits.maxCards) fail({ code: 'too_large', limitBytes: 0 });
    }
    const next = answer.syncToken ?? null;
    if (!truncated) return { token: next, changed, deleted };
    // "More to come" must move the token on; the same token again would never end.
    if (next === null || next === current || seenTokens.has(next)) fail({ code: 'sync_loop', rounds: round });
    seenTokens.add(current);
    current = next;
  }
}

/** Every card's ETag by PROPFIND, for servers that lack sync-collection. */
async function etagListing(transport: DavTransport, bookUrl: string, limits: SyncLimits): Promise<Listing> {
  const answer = await multistatus(transport, { method: 'PROPFIND', url: bookUrl, depth: '1', body: etagsPropfind });
  const listing: Listing = new Map();
  for (const response of answer.responses) {
    if (sameHref(response.href, bookUrl) || response.properties.resourceTypes.length > 0 || (response.status ?? 200) >= 300) continue;
    listing.set(response.href, response.properties.etag ?? null);
  }
  if (listing.size > limits.maxCards) fail({ code: 'too_large', limitBytes: 0 });
  return listing;
}

async function fetchCards(
  transport: DavTransport,
  bookUrl: string,
  hrefs: readonly string[],
  limits: SyncLimits,
): Promise<{ cards: FetchedCard[]; skipped: number }> {
  const cards: FetchedCard[] = [];
  let skipped = 0;
  const batches: string[][] = [];
  for (let at = 0; at < hrefs.length; at += limits.batchSize) batches.push(hrefs.slice(at, at + limits.batchSize));
  const fetchBatch = async (batch: string[]): Promise<void> => {
    const answer = await multistatus(transport, {
      method: 'REPORT',
      url: bookUrl,
      depth: '1',
      body: addressBookMultiget(batch.map((h) => new URL(h).pathname)),
    });
    const byHref = new Map(answer.responses.map((r) => [r.href, r]));
    for (const href of batch) {
      const response = byHref.get(href);
      const vcard = response?.properties.addressData;
      if (response === undefined || vcard === undefined || vcard.length > limits.maxCardChars) skipped += 1;
      else cards.push({ href, etag: response.properties.etag ?? '', vcard });
    }
  };
  // Two requests in flight: the server prepares the next batch while this side reads the last.
  // A failure stops both: the sync fails as a whole, and nothing more is asked of the server.
  let next = 0;
  let failed = false;
  const lane = async (): Promise<void> => {
    while (!failed && next < batches.length) {
      try {
        await fetchBatch(batches[next++]!);
      } catch (error) {
        failed = true;
        throw error;
      }
    }
  };
  await Promise.all([lane(), lane()]);
  return { cards, skipped };
}

function toFetch(listing: Listing, known: ReadonlyMap<string, string>): string[] {
  return [...listing].filter(([href, etag]) => etag === null || known.get(href) !== etag).map(([href]) => href);
}

/** Statuses with which a server says it does not do sync-collection (or not from this token). */
const REFUSES_SYNC = [400, 403, 404, 405, 409, 412, 415, 422, 500, 501];

/**
 * Brings the known cards (href → ETag) of one address book up to date: sync-collection from the
 * stored token (RFC 6578), a full sync-collection when the token is refused, and, on servers
 * without sync-collection, the ctag and every card's ETag. Only new and changed cards are
 * fetched. Fails (CardDavFailure) without partial results: the caller keeps what it had.
 */
export async function syncAddressBook(
  transport: DavTransport,
  bookUrl: string,
  known: ReadonlyMap<string, string>,
  state: SyncState,
  limits: SyncLimits = defaultSyncLimits,
): Promise<SyncOutcome> {
  let result: SyncCollectionResult | null = null;
  let full = state.syncToken === null;
  try {
    result = await syncCollectionRounds(transport, bookUrl, state.syncToken ?? '', limits);
  } catch (error) {
    if (!isStatusFailure(error, REFUSES_SYNC)) throw error;
    if (state.syncToken !== null) {
      // The token expired or the server forgot it: start over from no token.
      full = true;
      try {
        result = await syncCollectionRounds(transport, bookUrl, '', limits);
      } catch (again) {
        if (!isStatusFailure(again, REFUSES_SYNC)) throw again;
      }
    }
  }
  if (result !== null) {
    const hrefs = toFetch(result.changed, known);
    const { cards, skipped } = await fetchCards(transport, bookUrl, hrefs, limits);
    const deletes = full ? [...known.keys()].filter((href) => !result.changed.has(href)) : [...result.deleted].filter((href) => known.has(href));
    return { state: { syncToken: result.token, ctag: null }, upserts: cards, deletes, skipped, method: 'sync-collection' };
  }

  const stamps = await multistatus(transport, { method: 'PROPFIND', url: bookUrl, depth: '0', body: stampsPropfind });
  const ctag = self(stamps)?.properties.ctag ?? null;
  if (ctag !== null && ctag === state.ctag) return { state, upserts: [], deletes: [], skipped: 0, method: 'unchanged' };
  const listing = await etagListing(transport, bookUrl, limits);
  const { cards, skipped } = await fetchCards(transport, bookUrl, toFetch(listing, known), limits);
  const deletes = [...known.keys()].filter((href) => !listing.has(href));
  return { state: { syncToken: null, ctag }, upserts: cards, deletes, skipped, method: 'etags' };
}
