import browser from 'webextension-polyfill';
import { isExtensionPage, onBroadcast, request } from '../protocol/client';
import { serve } from '../protocol/server';
import { loadAccount, onAccountChanged, saveAccount } from './accountStore';
import { showBadge } from './badge';
import { ensureOffscreenDocument, offscreenDocumentReady } from './offscreenDocument';

const WELCOME_PAGE = 'extension/welcome.html';

/** Requests for the softphone go to the offscreen document, created on demand. */
async function softphone(): Promise<void> {
  await ensureOffscreenDocument();
}

async function openWelcomePage(): Promise<void> {
  await browser.tabs.create({ url: browser.runtime.getURL(WELCOME_PAGE) });
}

serve(
  'background',
  {
    getSnapshot: async () => (await softphone(), request('offscreen', 'getSnapshot', {})),
    call: async ({ target }) => (await softphone(), request('offscreen', 'call', { target })),
    answer: async ({ callId }) => (await softphone(), request('offscreen', 'answer', { callId })),
    decline: async ({ callId }) => (await softphone(), request('offscreen', 'decline', { callId })),
    hangup: async ({ callId }) => (await softphone(), request('offscreen', 'hangup', { callId })),
    callStats: async ({ callId }) => (await softphone(), request('offscreen', 'callStats', { callId })),
    saveAccount: ({ account }) => saveAccount(account),
    openMicrophoneSetup: async () => {
      await openWelcomePage();
      return { ok: true as const, value: null };
    },
    offscreenReady: async () => {
      offscreenDocumentReady();
      return { account: await loadAccount() };
    },
  },
  isExtensionPage,
);

onBroadcast((message) => {
  if (message.event === 'snapshot') void showBadge(message.snapshot);
});

onAccountChanged(async () => {
  await softphone();
  const result = await request('offscreen', 'configure', { account: await loadAccount() });
  if (!result.ok) console.warn('softphone configuration refused:', result.error.code);
});

browser.runtime.onInstalled.addListener(async ({ reason }) => {
  if (reason === 'install') await openWelcomePage();
});

browser.runtime.onStartup.addListener(() => void softphone());

// Only extension pages may read the account (the password) from storage, never content scripts.
void chrome.storage.local.setAccessLevel({ accessLevel: chrome.storage.AccessLevel.TRUSTED_CONTEXTS });

// Any wake-up of the service worker also makes sure the softphone exists (e.g. after a crash).
void softphone().catch((error: unknown) => console.warn('offscreen document not created:', error));
