import { createStore, get, set, type UseStore } from 'idb-keyval';
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

/** The local address book as stored; a damaged entry is left out, the others kept. */
export async function loadLocalBook(): Promise<Contact[]> {
  const stored: unknown = await get(contactsDatabase.localBook, contactsStore());
  return perItem(stored, (item) => {
    const parsed = v.safeParse(StoredContact, item);
    return parsed.success ? { ...parsed.output, sourceId: LOCAL_SOURCE } : null;
  });
}

/** Stores the whole local address book in one write: all of it or, if the write fails, nothing. */
export async function saveLocalBook(contacts: readonly Contact[]): Promise<void> {
  await set(
    contactsDatabase.localBook,
    contacts.map(({ id, name, company, numbers }) => ({ id, name, company, numbers })),
    contactsStore(),
  );
}
