import { checkCrmTemplate } from '../contacts/crmLookup';
import { crmLookupUnderPolicy, ownPart, withPolicy } from '../policy/state';
import type { SoftphoneConfiguration } from '../protocol/account';
import { type PreferenceErrorCode, type Preferences, parsePreferences } from '../settings';
import { loadAccount } from './accountStore';
import { loadCallerIdDraft } from './callerIdStore';
import { storageKeys } from './keys';
import { read, watchAny } from './read';
import { sipInstanceIdFor } from './sipInstances';
import { writeStorage } from './write';

/** The agent's preferences with the administrator's policy over them. */
export async function loadPreferences(): Promise<Preferences> {
  const [own, policy] = await Promise.all([read(storageKeys.preferences), read(storageKeys.policy)]);
  return withPolicy('preferences', own, policy);
}

/** The CRM lookup URL template in use: the administrator's policy over the agent's own. */
export async function loadCrmLookupUrl(): Promise<string> {
  const [own, policy] = await Promise.all([read(storageKeys.crmLookupUrl), read(storageKeys.policy)]);
  return crmLookupUnderPolicy(own, policy);
}

/**
 * The lookup URL the softphone may ask: none while its site is not granted (a policy's URL comes
 * without the agent's grant, and the agent may take it back), so no lookup runs until it is.
 */
export async function usableCrmLookupUrl(): Promise<string> {
  const template = await loadCrmLookupUrl();
  const checked = template === '' ? null : checkCrmTemplate(template);
  if (checked === null || !checked.ok) return '';
  return (await chrome.permissions.contains({ origins: [checked.origin] }).catch(() => false)) ? template : '';
}

export async function loadConfiguration(): Promise<SoftphoneConfiguration> {
  const [account, preferences, callerId, crmLookupUrl] = await Promise.all([loadAccount(), loadPreferences(), loadCallerIdDraft(), usableCrmLookupUrl()]);
  const homeCountry = typeof callerId?.homeCountry === 'string' ? callerId.homeCountry : null;
  return { account, preferences, instanceId: account ? await sipInstanceIdFor(account) : null, homeCountry, crmLookupUrl };
}

export function updatePreferences(
  patch: Record<string, unknown>,
): Promise<{ ok: true; preferences: Preferences } | { ok: false; errors: PreferenceErrorCode[] }> {
  return writeStorage(async (writer) => {
    const policy = await read(storageKeys.policy);
    const own = await read(storageKeys.preferences);
    const parsed = parsePreferences(withPolicy('preferences', { ...own, ...patch }, policy));
    if (!parsed.ok) return parsed;
    await writer.set(storageKeys.preferences, { ...own, ...ownPart('preferences', parsed.value, own, policy) });
    return { ok: true as const, preferences: parsed.value };
  });
}

export function onConfigurationChanged(listener: () => void): void {
  watchAny([storageKeys.account, storageKeys.preferences, storageKeys.callerId, storageKeys.policy, storageKeys.crmLookupUrl], listener);
  // The CRM lookup starts or stops with the grant of its site.
  chrome.permissions.onAdded.addListener(listener);
  chrome.permissions.onRemoved.addListener(listener);
}
