import browser from 'webextension-polyfill';
import { parseAccountSettings, parsePreferences, preferencesOrDefaults, type AccountSettings, type FieldError, type Preferences } from '../settings';
import type { SoftphoneConfiguration } from '../protocol/account';

const ACCOUNT_KEY = 'account';
const PREFERENCES_KEY = 'preferences';

/** The stored account, or null when none is stored or what is stored does not validate. */
export async function loadAccount(): Promise<AccountSettings | null> {
  const stored = (await browser.storage.local.get(ACCOUNT_KEY))[ACCOUNT_KEY];
  if (stored === undefined) return null;
  const parsed = parseAccountSettings(stored);
  return parsed.ok ? parsed.value : null;
}

export async function loadPreferences(): Promise<Preferences> {
  return preferencesOrDefaults((await browser.storage.local.get(PREFERENCES_KEY))[PREFERENCES_KEY]);
}

export async function loadConfiguration(): Promise<SoftphoneConfiguration> {
  const [account, preferences] = await Promise.all([loadAccount(), loadPreferences()]);
  return { account, preferences };
}

/** Saves only a valid account: an invalid one changes nothing stored. */
export async function saveAccount(input: unknown): Promise<{ ok: true } | { ok: false; errors: FieldError[] }> {
  const parsed = parseAccountSettings(input);
  if (!parsed.ok) return parsed;
  await browser.storage.local.set({ [ACCOUNT_KEY]: parsed.value });
  return { ok: true };
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
