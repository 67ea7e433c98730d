import { createStore, del, get, set, type UseStore } from 'idb-keyval';
import browser from 'webextension-polyfill';
import { parseAccountSettings, type AccountSettings, type FieldError } from '../settings';

/**
 * The account lives in storage.local without its password; the password lives in the extension's
 * own IndexedDB. Content scripts can read storage.local in Firefox (Chrome can restrict it to
 * extension pages, Firefox cannot), but they only ever see the page's IndexedDB, not this one.
 *
 * Each password is stored under a key of its own, which the account names. A new password is
 * written before the account that names it, and the old one deleted after: whatever fails midway,
 * the stored account always names a password that is there. A new key also makes storage.local
 * report a change when only the password changed.
 */

const ACCOUNT_KEY = 'account';

type StoredAccount = Omit<AccountSettings, 'password'> & { passwordKey?: string; password?: string };

let secrets: UseStore | null = null;
const secretStore = (): UseStore => (secrets ??= createStore('voip-widget-secrets', 'secrets'));

async function readStored(): Promise<Record<string, unknown> | null> {
  const stored = (await browser.storage.local.get(ACCOUNT_KEY))[ACCOUNT_KEY];
  return typeof stored === 'object' && stored !== null ? (stored as Record<string, unknown>) : null;
}

async function passwordOf(stored: Record<string, unknown>): Promise<unknown> {
  // A password still in storage.local was saved by an earlier version: movePasswordOutOfStorage moves it.
  if (typeof stored.password === 'string') return stored.password;
  return typeof stored.passwordKey === 'string' ? get(stored.passwordKey, secretStore()) : undefined;
}

/** The stored account, or null when none is stored or what is stored does not validate. */
export async function loadAccount(): Promise<AccountSettings | null> {
  const stored = await readStored();
  if (stored === null) return null;
  const parsed = parseAccountSettings({ ...stored, password: await passwordOf(stored) });
  return parsed.ok ? parsed.value : null;
}

/** The stored account's domain, for pages that need nothing else of it. */
export async function storedAccountDomain(): Promise<string | null> {
  const domain = (await readStored())?.domain;
  return typeof domain === 'string' && domain !== '' ? domain : null;
}

/** Saves only a valid account: an invalid one changes nothing stored. */
export async function saveAccount(input: unknown): Promise<{ ok: true } | { ok: false; errors: FieldError[] }> {
  const parsed = parseAccountSettings(input);
  if (!parsed.ok) return parsed;
  await storeAccount(parsed.value);
  return { ok: true };
}

/** Stores a valid account, together with `alongside` (other storage.local keys) in the same write. */
export async function storeAccount(account: AccountSettings, alongside: Record<string, unknown> = {}): Promise<void> {
  const { password, ...rest } = account;
  const stored = await readStored();
  const previousKey = typeof stored?.passwordKey === 'string' ? stored.passwordKey : null;
  const unchanged = previousKey !== null && typeof stored?.password !== 'string' && (await get(previousKey, secretStore())) === password;
  const passwordKey = unchanged ? previousKey : `sip-password:${crypto.randomUUID()}`;
  if (!unchanged) await set(passwordKey, password, secretStore());
  const next: StoredAccount = { ...rest, passwordKey };
  await browser.storage.local.set({ ...alongside, [ACCOUNT_KEY]: next });
  if (previousKey !== null && previousKey !== passwordKey) await del(previousKey, secretStore()).catch(() => undefined);
}

/** Moves a password saved in storage.local by an earlier version into the extension's IndexedDB. */
export async function movePasswordOutOfStorage(): Promise<void> {
  const stored = await readStored();
  if (typeof stored?.password !== 'string') return;
  const { password, ...rest } = stored;
  const passwordKey = `sip-password:${crypto.randomUUID()}`;
  await set(passwordKey, password, secretStore());
  await browser.storage.local.set({ [ACCOUNT_KEY]: { ...rest, passwordKey } });
}
