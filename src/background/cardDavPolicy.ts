import type { CardDavSource } from '../contacts/carddav/sources';
import { idleStatus, originPattern, sameCardDavAccount } from '../contacts/carddav/sources';
import type { PolicyCardDavSource } from '../policy/fields';
import { parseContactsSection } from '../settings/contactsSection';
import {
  addCardDavSource,
  loadCardDavSources,
  removeCardDavSource,
  setCardDavPassword,
  updateCardDavSource,
  updateCardDavStatus,
} from '../storage/cardDavStore';
import { storageKeys } from '../storage/keys';
import { readManagedPolicy, watchManagedPolicy } from '../storage/managed';
import { read, watch } from '../storage/read';
import { syncSource } from './cardDavRoutes';

/**
 * The passwords the policy gives, read from the browser's policy itself: the checked policy
 * (storageKeys.policy, in storage.local) never holds one.
 */
async function policyPasswords(): Promise<{ url: string; username: string; password: string }[]> {
  const parsed = parseContactsSection({ cardDavSources: (await readManagedPolicy()).cardDavSources });
  if (!parsed.ok) return [];
  return (parsed.value.cardDavSources ?? []).flatMap((s) => (s.password ? [{ url: s.url, username: s.username, password: s.password }] : []));
}

async function mayReach(source: CardDavSource): Promise<boolean> {
  return chrome.permissions.contains({ origins: [originPattern(source.url)] }).catch(() => false);
}

/**
 * Keeps the CardDAV address books in line with the administrator's policy: each one it lists is
 * there (added, marked as the policy's, its password from the policy or else the agent's to
 * enter), and those it no longer lists are removed. The agent's own address books stay. A new
 * one syncs at once where its site is granted; elsewhere Settings offers the agent the grant.
 */
async function followPolicy(): Promise<void> {
  const policy = await read(storageKeys.policy);
  const wanted = ((policy.applied.cardDavSources?.sources as PolicyCardDavSource[] | undefined) ?? []).filter((s) => typeof s.url === 'string');
  const passwords = await policyPasswords();
  const stored = await loadCardDavSources();
  for (const source of stored) if (source.managed && !wanted.some((w) => sameCardDavAccount(w, source))) await removeCardDavSource(source.id);
  const toSync: CardDavSource[] = [];
  for (const want of wanted) {
    const password = passwords.find((p) => sameCardDavAccount(p, want))?.password;
    const existing = stored.find((s) => sameCardDavAccount(s, want));
    if (!existing) {
      const source = await addCardDavSource(
        {
          id: crypto.randomUUID(),
          url: want.url,
          username: want.username,
          addressBooks: [],
          managed: true,
          ...(want.recordUrlTemplate ? { recordUrlTemplate: want.recordUrlTemplate } : {}),
          ...(password === undefined ? { needsPassword: true } : {}),
        },
        password ?? '',
      );
      await updateCardDavStatus(source.id, () => idleStatus);
      if (password !== undefined) toSync.push(source);
      continue;
    }
    if (password !== undefined) await setCardDavPassword(existing, password);
    const updated = await updateCardDavSource(existing.id, (s) => {
      const { recordUrlTemplate: _, needsPassword: __, ...rest } = s;
      const template = want.recordUrlTemplate ?? (s.managed ? undefined : s.recordUrlTemplate);
      // An agent's own source the policy now lists keeps the agent's password.
      const needsPassword = password === undefined && s.managed === true && s.needsPassword === true;
      return { ...rest, managed: true, ...(template ? { recordUrlTemplate: template } : {}), ...(needsPassword ? { needsPassword } : {}) };
    });
    if (updated && password !== undefined && (existing.needsPassword || existing.addressBooks.length === 0)) toSync.push(updated);
  }
  for (const source of toSync) if (await mayReach(source)) void syncSource(source).catch((error: unknown) => console.warn('CardDAV sync failed:', error));
}

let running: Promise<void> = Promise.resolve();

/** Follows the policy now and whenever its checked state changes, one run at a time. */
export function startCardDavPolicy(): void {
  const follow = (): void => {
    running = running.then(followPolicy).catch((error: unknown) => console.warn('CardDAV sources of the policy not applied:', error));
  };
  follow();
  watch(storageKeys.policy, follow);
  // A password changed in the policy leaves its checked state as it was.
  watchManagedPolicy(follow);
}
