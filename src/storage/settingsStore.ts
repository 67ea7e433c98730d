import type { SoftphoneConfiguration } from '../protocol/account';
import { type PreferenceErrorCode, type Preferences, parsePreferences } from '../settings';
import { loadAccount } from './accountStore';
import { storageKeys } from './keys';
import { read, watchAny } from './read';
import { sipInstanceIdFor } from './sipInstances';
import { writeStorage } from './write';

export function loadPreferences(): Promise<Preferences> {
  return read(storageKeys.preferences);
}

export async function loadConfiguration(): Promise<SoftphoneConfiguration> {
  const [account, preferences, callerId, crmLookupUrl] = await Promise.all([
    loadAccount(),
    loadPreferences(),
    read(storageKeys.callerId),
    read(storageKeys.crmLookupUrl),
  ]);
  const homeCountry = typeof callerId?.homeCountry === 'string' ? callerId.homeCountry : null;
  return { account, preferences, instanceId: account ? await sipInstanceIdFor(account) : null, homeCountry, crmLookupUrl };
}

export function updatePreferences(
  patch: Record<string, unknown>,
): Promise<{ ok: true; preferences: Preferences } | { ok: false; errors: PreferenceErrorCode[] }> {
  return writeStorage(async (writer) => {
    const parsed = parsePreferences({ ...(await loadPreferences()), ...patch });
    if (!parsed.ok) return parsed;
    await writer.set(storageKeys.preferences, parsed.value);
    return { ok: true as const, preferences: parsed.value };
  });
}

export function onConfigurationChanged(listener: () => void): void {
  watchAny([storageKeys.account, storageKeys.preferences, storageKeys.callerId, storageKeys.crmLookupUrl], listener);
}
