import { createStore, get, type UseStore } from 'idb-keyval';
import * as v from 'valibot';
import { type Contact, LOCAL_SOURCE, NUMBER_LABELS } from '../contacts/contact';
import { perItem } from '../settings/perField';
import { contactsDatabase } from './keys';

let store: UseStore | null = null;
const contactsStore = (): UseStore => (store ??= createStore(contactsDatabase.name, contactsDatabase.store));

const StoredContact = v.object({
  id: v.string(),
  name: v.pipe(v.string(), v.minLength(1)),
  company: v.string(),
  numbers: v.pipe(v.array(v.object({ label: v.picklist(NUMBER_LABELS), value: v.string() })), v.minLength(1)),
});

/**
 * Contacts a record holds. The book is stored in records of this many, each written (and read) by
 * its own request: IndexedDB copies a record in one go, and 100,000 contacts in one record held the
 * softphone's document for a few hundred milliseconds, SIP included.
 */
const CONTACTS_PER_RECORD = 2000;
/** Records sort as strings: the number is padded. */
const recordKey = (i: number): string => `${contactsDatabase.localBook}:${String(i).padStart(6, '0')}`;
const LAST_RECORD_KEY = `${contactsDatabase.localBook}:\uffff`;
/** What the book's own key holds: how many records the book is in (a book stored before records: the contacts themselves). */
const BookRecords = v.object({ records: v.pipe(v.number(), v.integer(), v.minValue(0)) });

const settle = (transaction: IDBTransaction): Promise<void> =>
  new Promise((resolve, reject) => {
    transaction.oncomplete = () => resolve();
    transaction.onabort = transaction.onerror = () => reject(transaction.error ?? new Error('transaction aborted'));
  });

/** The local address book as stored; a damaged entry is left out, the others kept. */
export async function loadLocalBook(): Promise<Contact[]> {
  const stored: unknown = await get(contactsDatabase.localBook, contactsStore());
  const records = v.safeParse(BookRecords, stored);
  const items = records.success ? await readRecords(records.output.records) : stored;
  return perItem(items, (item) => {
    const parsed = v.safeParse(StoredContact, item);
    return parsed.success ? { ...parsed.output, sourceId: LOCAL_SOURCE } : null;
  });
}

/** The book's records in one transaction, one request after another. */
function readRecords(count: number): Promise<unknown[]> {
  return contactsStore()('readonly', (objectStore) => {
    const items: unknown[] = [];
    const done = settle(objectStore.transaction).then(() => items);
    const next = (i: number): void => {
      if (i >= count) return;
      const request = objectStore.get(recordKey(i));
      request.onsuccess = () => {
        if (Array.isArray(request.result)) for (const item of request.result) items.push(item);
        next(i + 1);
      };
    };
    next(0);
    return done;
  });
}

/**
 * Stores the whole local address book in one transaction: all of it or, if the write fails,
 * nothing. Its records are written one request after another, each copied when the last is
 * stored, so the document has a turn between two.
 */
export async function saveLocalBook(contacts: readonly Contact[]): Promise<void> {
  const count = Math.ceil(contacts.length / CONTACTS_PER_RECORD);
  await contactsStore()('readwrite', (objectStore) => {
    const done = settle(objectStore.transaction);
    const next = (i: number): void => {
      if (i >= count) {
        // Records of a longer book stored before, then the count the reader goes by.
        objectStore.delete(IDBKeyRange.bound(recordKey(count), LAST_RECORD_KEY));
        objectStore.put({ records: count }, contactsDatabase.localBook);
        return;
      }
      const record = contacts
        .slice(i * CONTACTS_PER_RECORD, (i + 1) * CONTACTS_PER_RECORD)
        .map(({ id, name, company, numbers }) => ({ id, name, company, numbers }));
      objectStore.put(record, recordKey(i)).onsuccess = () => next(i + 1);
    };
    next(0);
    return done;
  });
}
