import { originPattern, sameCardDavAccount } from '../contacts/carddav/sources';
import { checkCrmTemplate } from '../contacts/crmLookup';
import type { ScreenPopSettings } from '../contacts/screenPop';
import { ownPart } from '../policy/state';
import type { ConfigurationFileIssue } from '../settings/configurationFile';
import { type ContactsFileSettings, type FileCardDavSource, fileSourceText } from '../settings/contactsSection';
import { cardDavPassword, loadCardDavSources } from '../storage/cardDavStore';
import { storageKeys } from '../storage/keys';
import { isStored, read } from '../storage/read';
import { loadScreenPopSettings, saveCardDavRecordTemplate } from '../storage/screenPopStore';
import { type Entry, entry } from '../storage/write';
import { addSource } from './cardDavRoutes';

/** Whether any of the contacts section was ever set: an export leaves the section out otherwise. */
export async function contactsWereSet(): Promise<boolean> {
  const [sources, crmLookupUrl, screenPopSaved] = await Promise.all([
    loadCardDavSources(),
    read(storageKeys.crmLookupUrl),
    isStored(storageKeys.screenPopSettings),
  ]);
  return sources.length > 0 || crmLookupUrl !== '' || screenPopSaved;
}

/** The contacts section as stored now (the screen-pop under the policy), the passwords only when asked. */
export async function currentContactsSettings(includePasswords: boolean): Promise<ContactsFileSettings> {
  const [sources, crmLookupUrl] = await Promise.all([loadCardDavSources(), read(storageKeys.crmLookupUrl)]);
  const screenPop = await loadScreenPopSettings();
  const cardDavSources = await Promise.all(
    sources.map(async (s): Promise<FileCardDavSource> => {
      const source: FileCardDavSource = { url: s.url, username: s.username };
      if (s.recordUrlTemplate) source.recordUrlTemplate = s.recordUrlTemplate;
      // The password of an address book the administrator's policy set is the administrator's: never exported.
      const password = includePasswords && !s.managed ? await cardDavPassword(s) : undefined;
      if (password) source.password = password;
      return source;
    }),
  );
  return { cardDavSources, crmLookupUrl, screenPop: screenPop.mode, recordUrlTemplate: screenPop.recordUrlTemplate, unknownCallers: screenPop.unknownCallers };
}

const granted = (pattern: string): Promise<boolean> => chrome.permissions.contains({ origins: [pattern] }).catch(() => false);

/**
 * The storage writes of an imported contacts section that go with the file's other sections (the
 * lookup URL, the screen-pop), and the CardDAV address books to add once they are written. What
 * needs a site the agent did not grant (on Apply, in the settings page) is left out and said so.
 */
export async function contactsImport(
  contacts: ContactsFileSettings,
): Promise<{ entries: Entry[]; warnings: ConfigurationFileIssue[]; addSources: () => Promise<ConfigurationFileIssue[]> }> {
  const warnings: ConfigurationFileIssue[] = [];
  const entries: Entry[] = [];
  if (contacts.crmLookupUrl !== undefined) {
    const checked = contacts.crmLookupUrl === '' ? null : checkCrmTemplate(contacts.crmLookupUrl);
    if (checked?.ok && !(await granted(checked.origin))) warnings.push({ code: 'contacts_no_permission', origin: checked.origin.replace(/\/\*$/, '') });
    else entries.push(entry(storageKeys.crmLookupUrl, contacts.crmLookupUrl));
  }
  const change: Partial<ScreenPopSettings> = {};
  if (contacts.screenPop !== undefined) change.mode = contacts.screenPop;
  if (contacts.recordUrlTemplate !== undefined) change.recordUrlTemplate = contacts.recordUrlTemplate;
  if (contacts.unknownCallers !== undefined) change.unknownCallers = contacts.unknownCallers;
  if (Object.keys(change).length > 0) {
    const [own, policy] = await Promise.all([read(storageKeys.screenPopSettings), read(storageKeys.policy)]);
    entries.push(entry(storageKeys.screenPopSettings, ownPart('screenPopSettings', { ...own, ...change }, own, policy)));
  }
  const addSources = async (): Promise<ConfigurationFileIssue[]> => {
    const issues: ConfigurationFileIssue[] = [];
    for (const source of contacts.cardDavSources ?? []) {
      const existing = (await loadCardDavSources()).find((s) => sameCardDavAccount(s, source));
      if (existing) {
        // One the administrator's policy set stays as the policy has it.
        if (!existing.managed) await saveCardDavRecordTemplate(existing.id, source.recordUrlTemplate ?? '');
        continue;
      }
      const origin = new URL(source.url).origin;
      if (source.password === undefined) issues.push({ code: 'carddav_without_password', source: fileSourceText(source) });
      else if (!(await granted(originPattern(source.url)))) issues.push({ code: 'contacts_no_permission', origin });
      else {
        const added = await addSource({ url: source.url, username: source.username, password: source.password });
        if (!added.ok) {
          const error = added.field === 'server' ? added.error : ({ code: 'internal', detail: added.problem } as const);
          issues.push({ code: 'carddav_not_added', source: fileSourceText(source), error });
        } else if (source.recordUrlTemplate) await saveCardDavRecordTemplate(added.id, source.recordUrlTemplate);
      }
    }
    return issues;
  };
  return { entries, warnings, addSources };
}
