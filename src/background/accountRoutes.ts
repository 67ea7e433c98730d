import browser from 'webextension-polyfill';
import { request } from '../protocol/client';
import type { Handlers } from '../protocol/server';
import { loadAccount, onAccountChanged, saveAccount } from './accountStore';
import { ensureOffscreenDocument, offscreenDocumentReady } from './offscreenDocument';

const WELCOME_PAGE = 'extension/welcome.html';

export async function openWelcomePage(): Promise<void> {
  await browser.tabs.create({ url: browser.runtime.getURL(WELCOME_PAGE) });
}

export const accountRoutes: Pick<Handlers<'background'>, 'saveAccount' | 'openMicrophoneSetup' | 'offscreenReady'> = {
  saveAccount: ({ account }) => saveAccount(account),
  openMicrophoneSetup: async () => {
    await openWelcomePage();
    return { ok: true, value: null };
  },
  offscreenReady: async () => {
    offscreenDocumentReady();
    return { account: await loadAccount() };
  },
};

/** A saved account reaches the softphone at once: it re-registers only if something changed. */
export function forwardAccountChanges(): void {
  onAccountChanged(async () => {
    await ensureOffscreenDocument();
    const result = await request('offscreen', 'configure', { account: await loadAccount() });
    if (!result.ok) console.warn('softphone configuration refused:', result.error.code);
  });
}
