import type { ClickToCallSettings } from '../clicktocall/settings';
import { storageKeys } from './keys';
import { read } from './read';
import { writeStorage } from './write';

export function loadClickToCallSettings(): Promise<ClickToCallSettings> {
  return read(storageKeys.clickToCall);
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
    if (after !== null) await writer.set(storageKeys.clickToCall, after);
    return { before, after };
  });
}
