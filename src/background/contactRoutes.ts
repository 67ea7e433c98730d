import { newCall } from '../calls/callState';
import { checkCrmTemplate } from '../contacts/crmLookup';
import { recordUrlOf } from '../contacts/recordUrl';
import type { contactRequests, contactSourceRequests, SaveCrmLookupOutcome } from '../protocol/contacts';
import type { Routes } from '../protocol/server';
import { storageKeys } from '../storage/keys';
import { loadRecordUrlContext, saveCardDavRecordTemplate, saveScreenPopSettings } from '../storage/screenPopStore';
import { store } from '../storage/write';
import { askSoftphone } from './askSoftphone';

/** The contact directory lives with the softphone (it names callers as their INVITE arrives): views' requests go there. */
export const contactRoutes = {
  searchContacts: (payload) => askSoftphone('searchContacts', payload),
  contactsForNumbers: (payload) => askSoftphone('contactsForNumbers', payload),
  importContacts: (payload) => askSoftphone('importContacts', payload),
  exportContacts: (payload) => askSoftphone('exportContacts', payload),
  saveContact: (payload) => askSoftphone('saveContact', payload),
  deleteContact: (payload) => askSoftphone('deleteContact', payload),
} satisfies Routes<'background', typeof contactRequests>;

export const contactSourceRoutes = {
  saveCrmLookupUrl: async ({ urlTemplate }): Promise<SaveCrmLookupOutcome> => {
    const template = urlTemplate.trim();
    if (template !== '') {
      const checked = checkCrmTemplate(template);
      if (!checked.ok) return checked;
      // The settings page asked for it, with the agent's click; without it the lookups would fail.
      if (!(await chrome.permissions.contains({ origins: [checked.origin] }))) return { ok: false, problem: 'permission_refused' };
    }
    await store(storageKeys.crmLookupUrl, template);
    return { ok: true };
  },
  saveScreenPopSettings: (change) => saveScreenPopSettings(change),
  saveCardDavRecordTemplate: ({ id, template }) => saveCardDavRecordTemplate(id, template),
  recordUrlOf: async ({ remoteNumber, purpose, contact }) => {
    const call = { ...newCall('view', 'incoming', remoteNumber, null, 0, purpose), contact };
    return { url: recordUrlOf(call, await loadRecordUrlContext()) };
  },
} satisfies Routes<'background', typeof contactSourceRequests>;
