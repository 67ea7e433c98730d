import { del, get, set } from 'idb-keyval';
import type { FetchedCard, SyncState } from '../contacts/carddav/client';
import { freshSyncState } from '../contacts/carddav/client';
import { type CardDavSource, type CardDavStatus, idleStatus } from '../contacts/carddav/sources';
import { secretStore } from './accountStore';
import { storageKeys } from './keys';
import { read } from './read';
import { writeStorage } from './write';

/**
 * CardDAV cards live in the extension's own IndexedDB (never storage.local, which Firefox content
 * scripts can read), as the server sent them: one record per card, `{sourceId, book, href, etag,
 * vcard}`, and one sync state per address book. A sync's changes and its new state are written in
 * one transaction: a sync that fails midway leaves the last good copy as it was.
 */

export interface StoredCard extends FetchedCard {
  sourceId: string;
  book: string;
}

interface StoredSyncState extends SyncState {
  sourceId: string;
  book: string;
}

const DB_NAME = 'voip-widget-carddav';
let opening: Promise<IDBDatabase> | null = null;

function database(): Promise<IDBDatabase> {
  opening ??= new Promise((resolve, reject) => {
    const open = indexedDB.open(DB_NAME, 1);
    open.onupgradeneeded = () => {
      const db = open.result;
      db.createObjectStore('cards', { keyPath: ['sourceId', 'href'] }).createIndex('sourceId', 'sourceId');
      db.createObjectStore('syncState', { keyPath: ['sourceId', 'book'] }).createIndex('sourceId', 'sourceId');
    };
    open.onsuccess = () => resolve(open.result);
    open.onerror = () => {
      opening = null;
      reject(open.error);
    };
  });
  return opening;
}

function done(transaction: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    transaction.oncomplete = () => resolve();
    transaction.onabort = () => reject(transaction.error ?? new Error('IndexedDB transaction aborted'));
    transaction.onerror = () => reject(transaction.error);
  });
}

function result<T>(request: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

/** The cards of one source (every address book of it), as stored. */
export async function cardsOf(sourceId: string): Promise<StoredCard[]> {
  const db = await database();
  return result(db.transaction('cards').objectStore('cards').index('sourceId').getAll(sourceId) as IDBRequest<StoredCard[]>);
}

export async function countCards(sourceId: string): Promise<number> {
  const db = await database();
  return result(db.transaction('cards').objectStore('cards').index('sourceId').count(sourceId));
}

/** Every stored card of every source: what the contact index reads. */
export async function allCards(): Promise<StoredCard[]> {
  const db = await database();
  return result(db.transaction('cards').objectStore('cards').getAll() as IDBRequest<StoredCard[]>);
}

export async function syncStateOf(sourceId: string, book: string): Promise<SyncState> {
  const db = await database();
  const stored = (await result(db.transaction('syncState').objectStore('syncState').get([sourceId, book]))) as StoredSyncState | undefined;
  return stored ? { syncToken: stored.syncToken, ctag: stored.ctag } : freshSyncState;
}

/** Applies one sync of one address book, and its new state, all or nothing. */
export async function applySync(sourceId: string, book: string, upserts: readonly FetchedCard[], deletes: readonly string[], state: SyncState): Promise<void> {
  const db = await database();
  const transaction = db.transaction(['cards', 'syncState'], 'readwrite');
  const cards = transaction.objectStore('cards');
  for (const href of deletes) cards.delete([sourceId, href]);
  for (const card of upserts) cards.put({ ...card, sourceId, book } satisfies StoredCard);
  transaction.objectStore('syncState').put({ ...state, sourceId, book } satisfies StoredSyncState);
  await done(transaction);
}

/** Forgets a source's cards and sync states (the source removed, or its books changed). */
export async function forgetCards(sourceId: string, keepBooks: readonly string[] = []): Promise<void> {
  const db = await database();
  const transaction = db.transaction(['cards', 'syncState'], 'readwrite');
  for (const name of ['cards', 'syncState'] as const) {
    const store = transaction.objectStore(name);
    const request = store.index('sourceId').openCursor(sourceId);
    request.onsuccess = () => {
      const cursor = request.result;
      if (!cursor) return;
      if (!keepBooks.includes((cursor.value as { book: string }).book)) cursor.delete();
      cursor.continue();
    };
  }
  await done(transaction);
}

export function loadCardDavSources(): Promise<CardDavSource[]> {
  return read(storageKeys.cardDavSources);
}

export async function cardDavPassword(source: CardDavSource): Promise<string | undefined> {
  return get<string>(source.passwordKey, secretStore());
}

/** Adds a source (its password first, in IndexedDB), in the storage write chain. */
export async function addCardDavSource(source: Omit<CardDavSource, 'passwordKey'>, password: string): Promise<CardDavSource> {
  const stored: CardDavSource = { ...source, passwordKey: `carddav-password:${crypto.randomUUID()}` };
  await set(stored.passwordKey, password, secretStore());
  await writeStorage(async (writer) => {
    const sources = await read(storageKeys.cardDavSources);
    await writer.set(storageKeys.cardDavSources, [...sources.filter((s) => s.id !== source.id), stored]);
  });
  return stored;
}

export async function removeCardDavSource(id: string): Promise<void> {
  const removed = await writeStorage(async (writer) => {
    const sources = await read(storageKeys.cardDavSources);
    const gone = sources.find((s) => s.id === id);
    await writer.set(
      storageKeys.cardDavSources,
      sources.filter((s) => s.id !== id),
    );
    const status = { ...(await read(storageKeys.cardDavStatus)) };
    delete status[id];
    await writer.set(storageKeys.cardDavStatus, status);
    return gone;
  });
  await forgetCards(id);
  if (removed) await del(removed.passwordKey, secretStore()).catch(() => undefined);
}

/** Changes one source's status, in the storage write chain (a source removed meanwhile gets none). */
export function updateCardDavStatus(id: string, change: (status: CardDavStatus) => CardDavStatus): Promise<CardDavStatus> {
  return writeStorage(async (writer) => {
    const all = await read(storageKeys.cardDavStatus);
    const next = change(all[id] ?? idleStatus);
    if (!(await read(storageKeys.cardDavSources)).some((s) => s.id === id)) return next;
    await writer.set(storageKeys.cardDavStatus, { ...all, [id]: next });
    return next;
  });
}

/** Changes one stored source (its address books found, its policy marks), in the storage write chain; a source removed meanwhile stays removed. */
export function updateCardDavSource(id: string, change: (source: CardDavSource) => CardDavSource): Promise<CardDavSource | null> {
  return writeStorage(async (writer) => {
    const sources = await read(storageKeys.cardDavSources);
    const current = sources.find((s) => s.id === id);
    if (!current) return null;
    const next = change(current);
    await writer.set(
      storageKeys.cardDavSources,
      sources.map((s) => (s.id === id ? next : s)),
    );
    return next;
  });
}

/** Replaces a source's password in the extension's IndexedDB. */
export async function setCardDavPassword(source: CardDavSource, password: string): Promise<void> {
  await set(source.passwordKey, password, secretStore());
}
