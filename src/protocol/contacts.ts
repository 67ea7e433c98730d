import * as v from 'valibot';
import { type Contact, NUMBER_LABELS } from '../contacts/contact';
import type { SearchResult } from '../contacts/contactIndex';
import type { CrmTemplateProblem } from '../contacts/crmLookup';
import type { ImportMode } from '../contacts/merge';
import { MAX_RECORD_TEMPLATE, type RecordTemplateProblem } from '../contacts/recordTemplate';
import { SCREEN_POP_MODES, type ScreenPopSettingsError } from '../contacts/screenPop';
import type { Skipped } from '../contacts/vcard';

/** Longest file text an import takes: 100,000 contacts fit many times over. */
export const MAX_IMPORT_CHARS = 64 * 1024 * 1024;

const importMode = v.picklist(['merge', 'replace'] satisfies ImportMode[]);
const contactId = v.pipe(v.string(), v.minLength(1), v.maxLength(200));
const editedContact = v.object({
  /** null: a new contact. */
  id: v.nullable(contactId),
  name: v.pipe(v.string(), v.maxLength(200)),
  company: v.pipe(v.string(), v.maxLength(200)),
  numbers: v.pipe(v.array(v.object({ label: v.picklist(NUMBER_LABELS), value: v.pipe(v.string(), v.maxLength(64)) })), v.maxLength(20)),
});
export type EditedContact = v.InferOutput<typeof editedContact>;

/** What the service worker tells the contact directory (in the offscreen document). */
export const offscreenContactRequests = {
  /** The CardDAV cards in IndexedDB changed (a sync, a source removed): read them again. */
  cardDavCardsChanged: v.object({}),
};

export interface OffscreenContactResponses {
  cardDavCardsChanged: null;
}

/** Finding contacts: the softphone's contact index answers. */
export const contactSearchRequests = {
  /** Contacts whose name, company or number matches, by name. */
  searchContacts: v.object({ query: v.pipe(v.string(), v.maxLength(200)), limit: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(200))) }),
  /** The contact behind each number (Recent calls), null for unknown numbers. */
  contactsForNumbers: v.object({ numbers: v.pipe(v.array(v.pipe(v.string(), v.maxLength(64))), v.maxLength(1000)) }),
};

/** The local address book: the softphone's document keeps it in IndexedDB. */
export const localBookRequests = {
  /**
   * A vCard or CSV file, added to the local address book or replacing it: its text, or the id of
   * the file the settings page handed over through IndexedDB (src/storage/importFiles.ts).
   */
  importContacts: v.union([
    v.object({ text: v.pipe(v.string(), v.maxLength(MAX_IMPORT_CHARS)), mode: importMode }),
    v.object({ fileId: v.pipe(v.string(), v.uuid()), mode: importMode }),
  ]),
  /** The local address book as vCard 3.0. */
  exportContacts: v.object({}),
  saveContact: v.object({ contact: editedContact }),
  deleteContact: v.object({ id: contactId }),
};

/** What views ask about contacts: the service worker forwards each to the softphone. */
export const contactRequests = { ...contactSearchRequests, ...localBookRequests };

/** Settings of the other contact sources: the service worker stores them. */
export const contactSourceRequests = {
  /** '' removes the lookup. */
  saveCrmLookupUrl: v.object({ urlTemplate: v.pipe(v.string(), v.maxLength(2000)) }),
  /** Changes some of the screen-pop settings; the others stay. */
  saveScreenPopSettings: v.object({
    mode: v.optional(v.picklist(SCREEN_POP_MODES)),
    recordUrlTemplate: v.optional(v.pipe(v.string(), v.maxLength(MAX_RECORD_TEMPLATE))),
    unknownCallers: v.optional(v.boolean()),
  }),
  /** The caller's record URL for a call of the popup (its number and contact), as the screen-pop would open it; null when none. */
  recordUrlOf: v.object({
    remoteNumber: v.pipe(v.string(), v.maxLength(200)),
    purpose: v.picklist(['call', 'service-code']),
    contact: v.nullable(
      v.object({
        name: v.pipe(v.string(), v.maxLength(400)),
        company: v.pipe(v.string(), v.maxLength(400)),
        number: v.pipe(v.string(), v.maxLength(200)),
        label: v.picklist(NUMBER_LABELS),
        sourceId: v.pipe(v.string(), v.maxLength(400)),
        contactId: v.pipe(v.string(), v.maxLength(1000)),
        recordUrl: v.optional(v.pipe(v.string(), v.maxLength(4000))),
      }),
    ),
  }),
  /** One CardDAV source's own record URL template; '' leaves its contacts to the global one. */
  saveCardDavRecordTemplate: v.object({ id: v.pipe(v.string(), v.maxLength(200)), template: v.pipe(v.string(), v.maxLength(MAX_RECORD_TEMPLATE)) }),
};

export type SaveScreenPopOutcome = { ok: true } | { ok: false; errors: ScreenPopSettingsError[] };
export type SaveRecordTemplateOutcome = { ok: true } | { ok: false; problem: RecordTemplateProblem | 'not_found' | 'managed_by_policy' };

export type SaveCrmLookupOutcome = { ok: true } | { ok: false; problem: CrmTemplateProblem | 'permission_refused' };

export interface ContactSourceResponses {
  saveCrmLookupUrl: SaveCrmLookupOutcome;
  saveScreenPopSettings: SaveScreenPopOutcome;
  saveCardDavRecordTemplate: SaveRecordTemplateOutcome;
  recordUrlOf: { url: string | null };
}

export interface ContactSearchResult extends SearchResult {
  /** How many contacts the directory holds, all sources together. */
  total: number;
}

/** Why an import changed nothing, for the views to word. */
export type ImportErrorCode = 'not_contacts' | 'nothing_imported' | 'busy' | 'storage_failed';

export type ImportOutcome = { ok: true; imported: number; skipped: Skipped[] } | { ok: false; code: ImportErrorCode; skipped: Skipped[] };

export type SaveContactOutcome = { ok: true; id: string } | { ok: false; code: 'no_name_or_number' | 'no_number' | 'not_found' | 'storage_failed' };

export interface ContactResponses {
  searchContacts: ContactSearchResult;
  contactsForNumbers: (Contact | null)[];
  importContacts: ImportOutcome;
  exportContacts: { text: string; count: number };
  saveContact: SaveContactOutcome;
  deleteContact: { ok: true } | { ok: false; code: 'storage_failed' };
}
