import type { CallRecord } from '../../aftercall/callRecord';
import type { OutboxEntry } from '../../aftercall/outbox';

/**
 * The outbox in the extension's IndexedDB: it survives browser restarts. `outbox` holds the
 * records not delivered yet (by idempotency key), `records` the newest record made for each call
 * (by call id), which a later note or disposition updates.
 */
const DB_NAME = 'voip-widget-aftercall';
const RECORDS_KEPT = 2000;

let opened: Promise<IDBDatabase> | null = null;

function open(): Promise<IDBDatabase> {
  opened ??= new Promise<IDBDatabase>((resolve, reject) => {
    const req = indexedDB.open(DB_NAME, 1);
    req.onupgradeneeded = () => {
      req.result.createObjectStore('outbox', { keyPath: 'key' });
      req.result.createObjectStore('records', { keyPath: 'callId' }).createIndex('endedAt', 'endedAt');
    };
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  }).catch((error: unknown) => {
    opened = null;
    throw error;
  });
  return opened;
}

function done(tx: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
    tx.onabort = () => reject(tx.error ?? new DOMException('aborted', 'AbortError'));
  });
}

function result<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

export async function allEntries(): Promise<OutboxEntry[]> {
  const db = await open();
  return result(db.transaction('outbox').objectStore('outbox').getAll() as IDBRequest<OutboxEntry[]>);
}

export async function putEntries(entries: readonly OutboxEntry[]): Promise<void> {
  if (entries.length === 0) return;
  const db = await open();
  const tx = db.transaction('outbox', 'readwrite');
  for (const e of entries) tx.objectStore('outbox').put(e);
  await done(tx);
}

/** Removes the delivered entries and stores the others' new state, in one transaction. */
export async function settleEntries(delivered: readonly string[], kept: readonly OutboxEntry[]): Promise<void> {
  if (delivered.length === 0 && kept.length === 0) return;
  const db = await open();
  const tx = db.transaction('outbox', 'readwrite');
  for (const key of delivered) tx.objectStore('outbox').delete(key);
  for (const e of kept) tx.objectStore('outbox').put(e);
  await done(tx);
}

export async function latestRecord(callId: string): Promise<CallRecord | null> {
  const db = await open();
  return (await result(db.transaction('records').objectStore('records').get(callId) as IDBRequest<CallRecord | undefined>)) ?? null;
}

/** Stores a call's newest record and its outbox entry together: both or neither. */
export async function putRecordAndEntry(record: CallRecord, entry: OutboxEntry | null): Promise<void> {
  const db = await open();
  const tx = db.transaction(['records', 'outbox'], 'readwrite');
  tx.objectStore('records').put(record);
  if (entry) tx.objectStore('outbox').put(entry);
  await done(tx);
}

/** Forgets the records of the oldest calls beyond RECORDS_KEPT (their updates could no longer be sent). */
export async function trimRecords(): Promise<void> {
  const db = await open();
  const tx = db.transaction('records', 'readwrite');
  const store = tx.objectStore('records');
  const count = await result(store.count());
  let extra = count - RECORDS_KEPT;
  if (extra > 0) {
    const cursor = store.index('endedAt').openCursor();
    cursor.onsuccess = () => {
      const c = cursor.result;
      if (c && extra > 0) {
        c.delete();
        extra -= 1;
        c.continue();
      }
    };
  }
  await done(tx);
}

/** A storage failure as the views word it: the disk or quota is full, or storage is unusable. */
export function storageErrorOf(error: unknown): 'quota' | 'unavailable' {
  return error instanceof DOMException && error.name === 'QuotaExceededError' ? 'quota' : 'unavailable';
}
