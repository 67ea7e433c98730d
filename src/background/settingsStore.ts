import browser from 'webextension-polyfill';
import { parseAccountSettings, type AccountSettings, type FieldError } from '../settings';

const KEY = 'account';

/** The stored account, or null when none is stored or what is stored does not validate. */
export async function loadAccount(): Promise<AccountSettings | null> {
  const stored = (await browser.storage.local.get(KEY))[KEY];
  if (stored === undefined) return null;
  const parsed = parseAccountSettings(stored);
  return parsed.ok ? parsed.value : null;
}

/** Saves only a valid account: an invalid one changes nothing stored. */
export async function saveAccount(input: unknown): Promise<{ ok: true } | { ok: false; errors: FieldError[] }> {
  const parsed = parseAccountSettings(input);
  if (!parsed.ok) return parsed;
  await browser.storage.local.set({ [KEY]: parsed.value });
  return { ok: true };
}

export function onAccountChanged(listener: () => void): void {
  browser.storage.onChanged.addListener((changes, area) => {
    if (area === 'local' && KEY in changes) listener();
  });
}
