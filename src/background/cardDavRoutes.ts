import { discoverAddressBooks, syncAddressBook } from '../contacts/carddav/client';
import { asCardDavError, type CardDavError, fail } from '../contacts/carddav/errors';
import { type CardDavSource, type CardDavStatus, checkCardDavInput, idleStatus, isAlreadyAdded, originPattern } from '../contacts/carddav/sources';
import { type DavTransport, fetchTransport } from '../contacts/carddav/transport';
import type { AddCardDavResult, cardDavRequests } from '../protocol/cardDav';
import { request } from '../protocol/client';
import type { Routes } from '../protocol/server';
import {
  addCardDavSource,
  allCards,
  applySync,
  cardDavPassword,
  cardsOf,
  countCards,
  loadCardDavSources,
  removeCardDavSource,
  setCardDavPassword,
  syncStateOf,
  updateCardDavSource,
  updateCardDavStatus,
} from '../storage/cardDavStore';
import { storageKeys } from '../storage/keys';
import { read } from '../storage/read';

const ALARM = 'carddav-sync';
/** How often address books are brought up to date while the browser runs. */
export const CARDDAV_REFRESH_MINUTES = 15;

/** The extension may reach the server only where the agent granted it (optional host permission, asked by the settings page). */
async function mayReach(url: string): Promise<void> {
  const origins = [originPattern(url)];
  if (!(await chrome.permissions.contains({ origins }))) fail({ code: 'no_permission', origin: new URL(url).origin });
}

async function transportFor(source: CardDavSource): Promise<DavTransport> {
  await mayReach(source.url);
  const password = await cardDavPassword(source);
  if (password === undefined) fail({ code: 'auth_failed', status: 0 });
  return fetchTransport({ username: source.username, password });
}

/** Syncs every address book of a source; the first failure stops it, and what had synced stays. */
/** The contact directory reads the cards again; when the softphone's document is not up, it reads them when it starts. */
function cardsChanged(): void {
  void request('offscreen', 'cardDavCardsChanged', {}).catch(() => undefined);
}

async function runSync(source: CardDavSource): Promise<CardDavStatus> {
  await updateCardDavStatus(source.id, (s) => ({ ...s, syncing: true, lastAttemptAt: Date.now() }));
  let error: CardDavError | null = null;
  let skipped = 0;
  try {
    if (source.needsPassword) fail({ code: 'auth_failed', status: 0 });
    const transport = await transportFor(source);
    let books = source.addressBooks;
    // A source the administrator's policy set is stored before its address books are known: found on its first sync.
    if (books.length === 0) {
      books = await discoverAddressBooks(transport, source.url);
      await updateCardDavSource(source.id, (s) => ({ ...s, addressBooks: books }));
    }
    const cards = await cardsOf(source.id);
    for (const book of books) {
      const known = new Map(cards.filter((c) => c.book === book.url).map((c) => [c.href, c.etag]));
      const outcome = await syncAddressBook(transport, book.url, known, await syncStateOf(source.id, book.url));
      await applySync(source.id, book.url, outcome.upserts, outcome.deletes, outcome.state);
      skipped += outcome.skipped;
    }
  } catch (thrown) {
    error = asCardDavError(thrown);
  }
  const count = await countCards(source.id);
  cardsChanged();
  return updateCardDavStatus(source.id, (s) =>
    error === null
      ? { cards: count, lastSyncAt: Date.now(), lastAttemptAt: Date.now(), syncing: false, error: null, skipped }
      : { ...s, cards: count, syncing: false, error },
  );
}

const running = new Map<string, Promise<CardDavStatus>>();

/** Syncs one source; a sync asked while one runs for it joins that one. */
export function syncSource(source: CardDavSource): Promise<CardDavStatus> {
  const current = running.get(source.id);
  if (current) return current;
  const next = runSync(source).finally(() => running.delete(source.id));
  running.set(source.id, next);
  return next;
}

export async function syncAll(only?: string): Promise<Record<string, CardDavStatus>> {
  const sources = (await loadCardDavSources()).filter((s) => only === undefined || s.id === only);
  const statuses = await Promise.all(sources.map(async (s) => [s.id, await syncSource(s)] as const));
  return Object.fromEntries(statuses);
}

export async function addSource(input: { url: string; username: string; password: string }): Promise<AddCardDavResult> {
  const checked = checkCardDavInput(input);
  if (!checked.ok) return checked;
  const username = input.username.trim();
  if (isAlreadyAdded(await loadCardDavSources(), checked.url, username)) return { ok: false, field: 'url', problem: 'already_added' };
  try {
    await mayReach(checked.url);
    const addressBooks = await discoverAddressBooks(fetchTransport({ username, password: input.password }), checked.url);
    const source = await addCardDavSource({ id: crypto.randomUUID(), url: checked.url, username, addressBooks }, input.password);
    await updateCardDavStatus(source.id, () => idleStatus);
    await ensureAlarm();
    return { ok: true, id: source.id, status: await syncSource(source) };
  } catch (thrown) {
    return { ok: false, field: 'server', error: asCardDavError(thrown) };
  }
}

async function ensureAlarm(): Promise<void> {
  const sources = await loadCardDavSources();
  const existing = await chrome.alarms.get(ALARM);
  if (sources.length === 0) {
    if (existing) await chrome.alarms.clear(ALARM);
  } else if (!existing) {
    await chrome.alarms.create(ALARM, { periodInMinutes: CARDDAV_REFRESH_MINUTES, delayInMinutes: CARDDAV_REFRESH_MINUTES });
  }
}

export const cardDavRoutes = {
  addCardDavSource: (input) => addSource(input),
  removeCardDavSource: async ({ id }) => {
    // The administrator's policy keeps its address books: removed only when the policy drops them.
    if ((await loadCardDavSources()).find((s) => s.id === id)?.managed) return { ok: true };
    await removeCardDavSource(id);
    cardsChanged();
    await ensureAlarm();
    return { ok: true };
  },
  syncCardDav: async ({ id }) => ({ statuses: await syncAll(id) }),
  setCardDavPassword: async ({ id, password }) => {
    const source = (await loadCardDavSources()).find((s) => s.id === id);
    if (!source) return { ok: false };
    await setCardDavPassword(source, password);
    const updated = await updateCardDavSource(id, ({ needsPassword: _, ...rest }) => rest);
    return updated ? { ok: true, status: await syncSource(updated) } : { ok: false };
  },
  cardDavCards: async () => ({ cards: (await allCards()).map(({ sourceId, href, vcard }) => ({ sourceId, href, vcard })) }),
} satisfies Routes<'background', typeof cardDavRequests>;

/** Periodic refresh: every source, on the alarm. A sync left marked running by a stopped service worker is cleared at start. */
export function startCardDav(): void {
  chrome.alarms.onAlarm.addListener((alarm) => {
    // The alarm is scheduled again if it went (a one-off alarm of the same name replaced it).
    if (alarm.name === ALARM) void syncAll().finally(() => ensureAlarm());
  });
  void (async () => {
    const statuses = await read(storageKeys.cardDavStatus);
    for (const [id, status] of Object.entries(statuses)) if (status.syncing) await updateCardDavStatus(id, (s) => ({ ...s, syncing: false }));
    await ensureAlarm();
  })().catch((error: unknown) => console.warn('CardDAV refresh not scheduled:', error));
}
