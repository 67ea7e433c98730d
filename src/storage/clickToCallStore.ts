import type { ClickToCallSettings } from '../clicktocall/settings';
import { ownPart, withPolicy } from '../policy/state';
import { storageKeys } from './keys';
import { read } from './read';
import { writeStorage } from './write';

/** The agent's click-to-call settings with the administrator's policy over them. */
export async function loadClickToCallSettings(): Promise<ClickToCallSettings> {
  const [own, policy] = await Promise.all([read(storageKeys.clickToCall), read(storageKeys.policy)]);
  return withPolicy('clickToCall', own, policy);
}

export interface SettingsChange {
  before: ClickToCallSettings;
  /** What was stored; null when `change` stored nothing. */
  after: ClickToCallSettings | null;
}

/** Applies `change` to the stored settings, in its turn: it answers the settings to store, or null for none. */
export function updateClickToCallSettings(change: (current: ClickToCallSettings) => ClickToCallSettings | null): Promise<SettingsChange> {
  return writeStorage(async (writer) => {
    const before = await loadClickToCallSettings();
    const after = change(before);
    // The fields the policy sets stay the agent's own underneath: what the agent stores is the rest.
    const own = await read(storageKeys.clickToCall);
    if (after !== null) await writer.set(storageKeys.clickToCall, { ...own, ...ownPart('clickToCall', after, own, await read(storageKeys.policy)) });
    return { before, after };
  });
}
