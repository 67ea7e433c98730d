import browser from 'webextension-polyfill';
import { parsePreferences, preferencesOrDefaults, type Preferences } from '../settings';
import type { SoftphoneConfiguration } from '../protocol/account';
import { ACCOUNT_KEY, loadAccount } from '../storage/accountStore';
import { sipInstanceIdFor } from '../storage/sipInstances';

const PREFERENCES_KEY = 'preferences';

export async function loadPreferences(): Promise<Preferences> {
  return preferencesOrDefaults((await browser.storage.local.get(PREFERENCES_KEY))[PREFERENCES_KEY]);
}

export async function loadConfiguration(): Promise<SoftphoneConfiguration> {
  const [account, preferences] = await Promise.all([loadAccount(), loadPreferences()]);
  return { account, preferences, instanceId: account ? await sipInstanceIdFor(account) : null };
}

export async function updatePreferences(patch: Record<string, unknown>): Promise<{ ok: true; preferences: Preferences } | { ok: false; errors: string[] }> {
  const parsed = parsePreferences({ ...(await loadPreferences()), ...patch });
  if (!parsed.ok) return parsed;
  await browser.storage.local.set({ [PREFERENCES_KEY]: parsed.value });
  return { ok: true, preferences: parsed.value };
}

export function onConfigurationChanged(listener: () => void): void {
  browser.storage.onChanged.addListener((changes, area) => {
    if (area === 'local' && (ACCOUNT_KEY in changes || PREFERENCES_KEY in changes)) listener();
  });
}
