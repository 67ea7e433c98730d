import { homeCountryCode } from '../callerid/numbers';
import { sameCardDavAccount } from '../contacts/carddav/sources';
import { checkRecordTemplate } from '../contacts/recordTemplate';
import { type RecordUrlContext, sourceTemplatesOf } from '../contacts/recordUrl';
import { defaultScreenPopSettings, parseScreenPopSettings, type ScreenPopSettings, type ScreenPopSettingsError } from '../contacts/screenPop';
import type { PolicyCardDavSource } from '../policy/fields';
import type { PolicyState } from '../policy/state';
import type { SaveRecordTemplateOutcome } from '../protocol/contacts';
import { loadCallerIdDraft } from './callerIdStore';
import { storageKeys } from './keys';
import { readUnderPolicy, saveUnderPolicy } from './policyOverlay';
import { isStored, read } from './read';
import { writeStorage } from './write';

/** The screen-pop settings in use: the administrator's policy over the agent's own. */
export function loadScreenPopSettings(): Promise<ScreenPopSettings> {
  return readUnderPolicy('screenPopSettings', storageKeys.screenPopSettings);
}

/** Changes the fields given, checked together with the others; invalid input changes nothing. */
export async function saveScreenPopSettings(change: Partial<ScreenPopSettings>): Promise<{ ok: true } | { ok: false; errors: ScreenPopSettingsError[] }> {
  const own = await read(storageKeys.screenPopSettings);
  return saveUnderPolicy('screenPopSettings', storageKeys.screenPopSettings, { ...own, ...change }, parseScreenPopSettings, defaultScreenPopSettings);
}

/** The mode saved before the screen-pop had more settings becomes the mode of the new ones, once. */
export async function adoptEarlierScreenPopMode(): Promise<void> {
  if (await isStored(storageKeys.screenPopSettings)) return;
  if (!(await isStored(storageKeys.screenPop))) return;
  const mode = await read(storageKeys.screenPop);
  await writeStorage(async (writer) => {
    if (!(await isStored(storageKeys.screenPopSettings))) await writer.set(storageKeys.screenPopSettings, { ...defaultScreenPopSettings, mode });
    await writer.remove(storageKeys.screenPop);
  });
}

/** Sets one CardDAV source's own template ('' for none), checked first. */
export async function saveCardDavRecordTemplate(id: string, input: string): Promise<SaveRecordTemplateOutcome> {
  const template = input.trim();
  if (template !== '') {
    const checked = checkRecordTemplate(template);
    if (!checked.ok) return checked;
  }
  const policy = await read(storageKeys.policy);
  return writeStorage(async (writer) => {
    const sources = await read(storageKeys.cardDavSources);
    const source = sources.find((s) => s.id === id);
    if (!source) return { ok: false, problem: 'not_found' } as const;
    if (source.managed && policyTemplateOf(policy, source) !== undefined) return { ok: false, problem: 'managed_by_policy' } as const;
    const next = sources.map((s) => {
      if (s.id !== id) return s;
      const { recordUrlTemplate: _, ...rest } = s;
      return template === '' ? rest : { ...rest, recordUrlTemplate: template };
    });
    await writer.set(storageKeys.cardDavSources, next);
    return { ok: true } as const;
  });
}

/** The record URL template the administrator's policy gives a CardDAV source, if it gives one. */
function policyTemplateOf(policy: PolicyState, source: { url: string; username: string }): string | undefined {
  const sources = (policy.applied.cardDavSources?.sources as PolicyCardDavSource[] | undefined) ?? [];
  return sources.find((s) => sameCardDavAccount(s, source))?.recordUrlTemplate;
}

/** What a call's record URL is made from, as stored now. */
export async function loadRecordUrlContext(): Promise<RecordUrlContext & { settings: ScreenPopSettings }> {
  const [settings, sources, callerId] = await Promise.all([loadScreenPopSettings(), read(storageKeys.cardDavSources), loadCallerIdDraft()]);
  return { settings, sourceTemplates: sourceTemplatesOf(sources), homeCountry: homeCountryCode(callerId?.homeCountry) };
}
