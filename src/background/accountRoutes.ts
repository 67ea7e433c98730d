import type { accountRequests } from '../protocol/account';
import type { Routes } from '../protocol/server';
import { saveAccount } from '../storage/accountStore';
import { loadConfiguration, onConfigurationChanged, updatePreferences } from '../storage/settingsStore';
import { askSoftphone } from './askSoftphone';
import { offscreenDocumentReady } from './offscreenDocument';

const WELCOME_PAGE = 'extension/welcome.html';

export async function openWelcomePage(): Promise<void> {
  await chrome.tabs.create({ url: chrome.runtime.getURL(WELCOME_PAGE) });
}

export const accountRoutes = {
  saveAccount: ({ account }) => saveAccount(account),
  updatePreferences: ({ patch }) => updatePreferences(patch),
  openMicrophoneSetup: async () => {
    await openWelcomePage();
    return { ok: true, value: null };
  },
  offscreenReady: async () => {
    offscreenDocumentReady();
    return loadConfiguration();
  },
} satisfies Routes<'background', typeof accountRequests>;

/** Saved settings reach the softphone at once: it re-registers only if the account changed. */
export function forwardConfigurationChanges(): void {
  onConfigurationChanged(async () => {
    const result = await askSoftphone('configure', await loadConfiguration());
    if (!result.ok) console.warn('softphone configuration refused:', result.error.code);
  });
}
