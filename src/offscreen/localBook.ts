import { type Contact, LOCAL_SOURCE } from '../contacts/contact';
import { readContactsCsv } from '../contacts/csv';
import { contactFrom, type ReadResult } from '../contacts/entry';
import { countCards, isVCardText } from '../contacts/fileFormat';
import { importSteps } from '../contacts/merge';
import { runSliced, timeSlice } from '../contacts/slices';
import { readVCards } from '../contacts/vcard';
import { writeVCards } from '../contacts/vcardWriter';
import type { EditedContact, ImportOutcome, localBookRequests, SaveContactOutcome } from '../protocol/contacts';
import type { Routes } from '../protocol/server';
import { loadLocalBook, saveLocalBook } from '../storage/contactsStore';
import { takeOver } from '../storage/importFiles';
import type { ContactDirectory } from './contactDirectory';

/** Longest run of an import's reading between two pauses: the document stays free for SIP and the page's requests. */
const SLICE_MS = 8;
/** How often the progress bar hears of an import at most. */
const PROGRESS_EVERY_MS = 100;

/**
 * The local address book: read from IndexedDB when the document starts, changed by imports and
 * edits, each change written whole before the directory shows it. A failed write leaves both as
 * they were. A change is answered once the index finds it.
 */
export function attachLocalBook(
  directory: ContactDirectory,
  homeCountry: () => Parameters<typeof importSteps>[3],
  progress: (done: number, total: number) => void,
) {
  let importing = false;
  const loaded = loadLocalBook()
    .then((book) => directory.setSource(LOCAL_SOURCE, book))
    .catch((error: unknown) => console.warn('local address book not read:', error));

  const commit = async (book: Contact[]): Promise<boolean> => {
    try {
      await saveLocalBook(book);
    } catch (error) {
      console.warn('local address book not saved:', error);
      return false;
    }
    directory.setSource(LOCAL_SOURCE, book);
    await directory.settled();
    return true;
  };

  const readFile = async (text: string): Promise<ReadResult | null> => {
    const slice = timeSlice(SLICE_MS);
    let reported = 0;
    const report = (done: number, total: number): void => {
      const now = performance.now();
      if (now - reported < PROGRESS_EVERY_MS) return;
      reported = now;
      progress(done, total);
    };
    if (!isVCardText(text)) return readContactsCsv(text, slice, report);
    const total = countCards(text);
    const result: ReadResult = { contacts: [], skipped: [] };
    let read = 0;
    for (const card of readVCards(text)) {
      if (card.ok) result.contacts.push(card.contact);
      else result.skipped.push({ line: card.line, reason: card.reason });
      read++;
      if (slice.due()) {
        report(read, total);
        await slice.pause();
      }
    }
    progress(read, total);
    return result;
  };

  const importFile = async (text: string, mode: 'merge' | 'replace'): Promise<ImportOutcome> => {
    const file = await readFile(text);
    if (file === null || (file.contacts.length === 0 && file.skipped.length === 0)) return { ok: false, code: 'not_contacts', skipped: [] };
    if (file.contacts.length === 0) return { ok: false, code: 'nothing_imported', skipped: file.skipped };
    const book = await runSliced(
      importSteps(directory.source(LOCAL_SOURCE), file.contacts, mode, homeCountry(), () => crypto.randomUUID()),
      SLICE_MS,
      () => false,
    );
    if (book === null || !(await commit(book))) return { ok: false, code: 'storage_failed', skipped: file.skipped };
    return { ok: true, imported: file.contacts.length, skipped: file.skipped };
  };

  const save = async (edited: EditedContact): Promise<SaveContactOutcome> => {
    await loaded;
    const book = [...directory.source(LOCAL_SOURCE)];
    const at = edited.id === null ? -1 : book.findIndex((c) => c.id === edited.id);
    if (edited.id !== null && at < 0) return { ok: false, code: 'not_found' };
    const contact = contactFrom({ ...edited, id: edited.id ?? crypto.randomUUID(), sourceId: LOCAL_SOURCE });
    if (typeof contact === 'string') return { ok: false, code: contact };
    if (at < 0) book.push(contact);
    else book[at] = contact;
    return (await commit(book)) ? { ok: true, id: contact.id } : { ok: false, code: 'storage_failed' };
  };

  return {
    importContacts: async (payload): Promise<ImportOutcome> => {
      if (importing) return { ok: false, code: 'busy', skipped: [] };
      importing = true;
      try {
        const text = 'text' in payload ? payload.text : await takeOver(payload.fileId).catch(() => null);
        if (text === null) return { ok: false, code: 'storage_failed', skipped: [] };
        await loaded;
        return await importFile(text, payload.mode);
      } finally {
        importing = false;
      }
    },
    exportContacts: async () => {
      await loaded;
      const book = directory.source(LOCAL_SOURCE);
      return { text: writeVCards(book), count: book.length };
    },
    saveContact: ({ contact }) => save(contact),
    deleteContact: async ({ id }) => {
      await loaded;
      const book = directory.source(LOCAL_SOURCE).filter((c) => c.id !== id);
      return (await commit(book)) ? ({ ok: true } as const) : ({ ok: false, code: 'storage_failed' } as const);
    },
  } satisfies Routes<'offscreen', typeof localBookRequests>;
}
