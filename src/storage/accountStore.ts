import { createStore, del, get, set, type UseStore } from 'idb-keyval';
import { ownPart, withPolicy } from '../policy/state';
import { type AccountSettings, type FieldError, parseAccountSettings } from '../settings';
import { type StoredAccount, storageKeys } from './keys';
import { read } from './read';
import { type Entry, type Writer, writeStorage } from './write';

/**
 * The account lives in storage.local without its password; the password lives in the extension's
 * own IndexedDB. Content scripts can read storage.local in Firefox (Chrome can restrict it to
 * extension pages, Firefox cannot), but they only ever see the page's IndexedDB, not this one.
 *
 * Each password is stored under a key of its own, which the account names. A new password is
 * written before the account that names it, and the old one deleted after: whatever fails midway,
 * the stored account always names a password that is there. A new key also makes storage.local
 * report a change when only the password changed. Each save runs in the storage write chain from
 * its first read to its last delete, so a save racing another cannot name a deleted password.
 */

let secrets: UseStore | null = null;
/** The extension's own IndexedDB store of secrets: SIP and CardDAV passwords. */
export const secretStore = (): UseStore => (secrets ??= createStore('voip-widget-secrets', 'secrets'));

function readStored(): Promise<StoredAccount | null> {
  return read(storageKeys.account);
}

/**
 * What is stored, with its password, unchecked: the settings form shows it as it is, also an
 * account that no longer validates. A password still in storage.local (saved by an earlier
 * version) is used until movePasswordOutOfStorage has moved it.
 */
export async function loadOwnAccountDraft(): Promise<Record<string, unknown> | null> {
  const stored = await readStored();
  if (stored === null) return null;
  const { passwordKey, ...account } = stored;
  if (typeof account.password !== 'string' && typeof passwordKey === 'string') account.password = await get(passwordKey, secretStore());
  return account;
}

/** The agent's own account with the administrator's policy over it: what the softphone uses. */
export async function loadAccountDraft(): Promise<Record<string, unknown> | null> {
  const [own, policy] = await Promise.all([loadOwnAccountDraft(), read(storageKeys.policy)]);
  return withPolicy('account', own, policy);
}

/** The stored account, or null when none is stored or what is stored does not validate. */
export async function loadAccount(): Promise<AccountSettings | null> {
  const draft = await loadAccountDraft();
  const parsed = draft === null ? null : parseAccountSettings(draft);
  return parsed?.ok ? parsed.value : null;
}

/** The stored account's domain, for pages that need nothing else of it. */
export async function storedAccountDomain(): Promise<string | null> {
  const domain = withPolicy('account', await readStored(), await read(storageKeys.policy))?.domain;
  return typeof domain === 'string' && domain !== '' ? domain : null;
}

/**
 * Saves only a valid account: an invalid one changes nothing stored. It is checked as it will be
 * used, with the policy's fields over it; the fields the policy sets are not the agent's to change.
 */
export async function saveAccount(input: unknown): Promise<{ ok: true } | { ok: false; errors: FieldError[] }> {
  const policy = await read(storageKeys.policy);
  const parsed = parseAccountSettings(withPolicy('account', typeof input === 'object' && input !== null ? input : {}, policy));
  if (!parsed.ok) return parsed;
  await storeAccount(parsed.value);
  return { ok: true };
}

/** Stores a valid account, together with `alongside` (other storage.local keys) in the same write. */
export function storeAccount(account: AccountSettings, alongside: readonly Entry[] = []): Promise<void> {
  return writeStorage(async (writer) => {
    const stored = await readStored();
    const { password, ...rest } = ownPart('account', account, stored, await read(storageKeys.policy));
    const previousKey = typeof stored?.passwordKey === 'string' ? stored.passwordKey : null;
    const unchanged = previousKey !== null && typeof stored?.password !== 'string' && (await get(previousKey, secretStore())) === password;
    if (unchanged) await writer.setTogether([...alongside, { key: storageKeys.account, value: { ...rest, passwordKey: previousKey } }]);
    else await writeWithNewPassword(writer, rest, password, previousKey, alongside);
  });
}

/** Moves a password saved in storage.local by an earlier version into the extension's IndexedDB. */
export function movePasswordOutOfStorage(): Promise<void> {
  return writeStorage(async (writer) => {
    const stored = await readStored();
    if (typeof stored?.password !== 'string') return;
    const { password, passwordKey, ...rest } = stored;
    await writeWithNewPassword(writer, rest, password, typeof passwordKey === 'string' ? passwordKey : null, []);
  });
}

async function writeWithNewPassword(
  writer: Writer,
  account: StoredAccount,
  password: string,
  previousKey: string | null,
  alongside: readonly Entry[],
): Promise<void> {
  const passwordKey = `sip-password:${crypto.randomUUID()}`;
  await set(passwordKey, password, secretStore());
  await writer.setTogether([...alongside, { key: storageKeys.account, value: { ...account, passwordKey } }]);
  if (previousKey !== null) await del(previousKey, secretStore()).catch(() => undefined);
}
