import contentScriptFile from '../content/main?script&iife';
import { readingCountry } from '../clicktocall/detect';
import type { CountryCode } from 'libphonenumber-js/min';
import { reducePageNumber, type PageNumberResult } from '../clicktocall/pageNumber';
import { numberInSelection } from '../clicktocall/selection';
import { freshPendingNumber, type PendingNumber } from '../clicktocall/pending';
import {
  ALL_SITES_PATTERNS,
  contentScriptMatches,
  parseClickToCallSettings,
  sitePattern,
  siteOf,
  withSite,
  type ClickToCallSettings,
} from '../clicktocall/settings';
import { appError } from '../calls/errors';
import { storedAccountDomain } from '../storage/accountStore';
import { loadClickToCallSettings, updateClickToCallSettings, type SettingsChange } from '../storage/clickToCallStore';
import { storageKeys } from '../storage/keys';
import { read } from '../storage/read';
import { store, writeStorage } from '../storage/write';
import type { Result } from '../protocol/api';
import { request } from '../protocol/client';
import { sendToTab, type clickToCallRequests, type contentScriptRequests } from '../protocol/clickToCall';
import type { Routes } from '../protocol/server';
import { ensureOffscreenDocument } from './offscreenDocument';

const SCRIPT_ID = 'click-to-call';
const MENU_ID = 'call-selection';
const POPUP_PAGE = 'extension/popup.html';

const ok: Result = { ok: true, value: null };

/** Stores what `change` makes of the settings (null: nothing) and registers the content script to match. */
async function changeSettings(change: (current: ClickToCallSettings) => ClickToCallSettings | null): Promise<SettingsChange> {
  const changed = await updateClickToCallSettings(change);
  if (changed.after !== null) await syncContentScript(changed.after);
  return changed;
}

/** The registered content script matches exactly the enabled sites: nothing runs anywhere else. */
export async function syncContentScript(settings?: ClickToCallSettings): Promise<void> {
  const matches = contentScriptMatches(settings ?? (await loadClickToCallSettings()));
  const registered = await chrome.scripting.getRegisteredContentScripts({ ids: [SCRIPT_ID] });
  if (matches.length === 0) {
    if (registered.length > 0) await chrome.scripting.unregisterContentScripts({ ids: [SCRIPT_ID] });
    return;
  }
  const script = { id: SCRIPT_ID, js: [contentScriptFile], matches, runAt: 'document_idle' as const, allFrames: false, persistAcrossSessions: true };
  if (registered.length > 0) await chrome.scripting.updateContentScripts([script]);
  else await chrome.scripting.registerContentScripts([script]);
}

async function hasPermission(origins: string[]): Promise<boolean> {
  return chrome.permissions.contains({ origins });
}

/** Tells click-to-call in open tabs of `patterns` to take its buttons away. */
async function stopInTabs(patterns: string[]): Promise<void> {
  const tabs = await chrome.tabs.query({ url: patterns }).catch(() => []);
  await Promise.all(tabs.map((tab) => (tab.id === undefined ? undefined : sendToTab(tab.id, { clickToCall: 'stop' }))));
}

async function enableSite(site: string, tabId: number | undefined): Promise<Result> {
  // The popup asked for the permission from the agent's click; without it nothing could run.
  if (!(await hasPermission([sitePattern(site)]))) return { ok: false, error: appError('invalid_settings', `Access to ${site} was not granted`) };
  await changeSettings((current) => withSite(current, site, true));
  // Start at once in the tab the agent is looking at, rather than after a reload.
  if (tabId !== undefined) await chrome.scripting.executeScript({ target: { tabId }, files: [contentScriptFile] }).catch(() => undefined);
  return ok;
}

async function disableSite(site: string): Promise<Result> {
  const { after } = await changeSettings((current) => withSite(current, site, false));
  if (!after?.allSites) {
    await stopInTabs([sitePattern(site)]);
    await chrome.permissions.remove({ origins: [sitePattern(site)] }).catch(() => false);
  }
  return ok;
}

async function saveOptions(patch: { allSites?: boolean; callAtOnce?: boolean }): Promise<Result> {
  if (patch.allSites === true && !(await hasPermission(ALL_SITES_PATTERNS))) {
    return { ok: false, error: appError('invalid_settings', 'Access to all sites was not granted') };
  }
  let refused = '';
  const { before, after } = await changeSettings((current) => {
    const parsed = parseClickToCallSettings({ ...current, ...patch });
    if (!parsed.ok) refused = parsed.error;
    return parsed.ok ? parsed.value : null;
  });
  if (after === null) return { ok: false, error: appError('invalid_settings', refused) };
  if (before.allSites && !after.allSites) {
    await stopInTabs(ALL_SITES_PATTERNS);
    await chrome.permissions.remove({ origins: ALL_SITES_PATTERNS }).catch(() => false);
    // Sites enabled one by one keep running: restart them in their open tabs is left to a reload.
  }
  return ok;
}

async function isRegistered(): Promise<boolean> {
  await ensureOffscreenDocument();
  return (await request('offscreen', 'getSnapshot', {})).registration.state === 'registered';
}

/**
 * Opens the softphone: the toolbar popup where the browser allows it, else a small popup window
 * (headless browsers, or no focused window). Either way the popup reads the pending number.
 */
async function openSoftphone(windowId: number | undefined, tabId: number | undefined): Promise<void> {
  // An open softphone takes the number itself (it watches for it): bring it forward, open no other.
  const popupUrl = chrome.runtime.getURL(POPUP_PAGE);
  const contexts = await chrome.runtime.getContexts({ contextTypes: [chrome.runtime.ContextType.POPUP, chrome.runtime.ContextType.TAB] });
  const open = contexts.find((context) => context.documentUrl?.startsWith(popupUrl));
  if (open) {
    if (open.windowId >= 0) await chrome.windows.update(open.windowId, { focused: true }).catch(() => undefined);
    return;
  }
  try {
    await chrome.action.openPopup(windowId === undefined ? {} : { windowId });
    return;
  } catch {
    // falls through to a window
  }
  const previous = await read(storageKeys.softphoneWindowId);
  if (previous !== null) await chrome.windows.remove(previous).catch(() => undefined);
  // The popup window names the page's tab, so it can offer to turn click-to-call off there.
  const url = popupUrl + (tabId === undefined ? '' : `?tab=${tabId}`);
  const created = await chrome.windows.create({ url, type: 'popup', width: 360, height: 620, focused: true });
  await store(storageKeys.softphoneWindowId, created?.id ?? null);
}

async function country(): Promise<CountryCode> {
  // The caller ID settings name the account's home country; until they are saved, the browser's.
  return readingCountry((await read(storageKeys.callerId))?.homeCountry, navigator.language);
}

/** Leaves a number for the softphone popup, which takes it when it opens (or at once, if open). */
async function offerNumber(number: string): Promise<void> {
  const pending: PendingNumber = { number, at: Date.now() };
  await store(storageKeys.pendingNumber, pending);
}

/** A number the user chose on a page: dialled at once if they asked for that, else shown to confirm. */
async function handOver(reduced: PageNumberResult, dialNow: boolean, tab: { windowId?: number; id?: number } | undefined): Promise<Result<{ dialed: boolean }>> {
  if (!reduced.ok) return { ok: false, error: appError('invalid_number', reduced.error) };
  if (dialNow && (await isRegistered())) {
    const placed = await request('offscreen', 'call', { target: reduced.dial });
    return placed.ok ? { ok: true, value: { dialed: true } } : placed;
  }
  await offerNumber(reduced.dial);
  await openSoftphone(tab?.windowId, tab?.id);
  return { ok: true, value: { dialed: false } };
}

export const clickToCallContentRoutes = {
  clickToCall: async ({ number, via }, sender) => {
    const settings = await loadClickToCallSettings();
    const site = siteOf(sender.url ?? '');
    // A script left running on a site the agent has since disabled gets nowhere.
    if (site === null || !(settings.allSites || settings.sites.includes(site))) return { ok: false, error: appError('invalid_settings', 'Click-to-call is off on this site') };
    return handOver(reducePageNumber(number, await storedAccountDomain()), via === 'button' && settings.callAtOnce, sender.tab);
  },
  clickToCallSetup: async () => ({ country: await country() }),
} satisfies Routes<'background', typeof contentScriptRequests>;

export const clickToCallRoutes = {
  setClickToCallSite: async ({ site, enabled, tabId }) => {
    if (siteOf(site) !== site) return { ok: false, error: appError('invalid_settings', `${site} is not a web site`) };
    return enabled ? enableSite(site, tabId) : disableSite(site);
  },
  saveClickToCallSettings: (patch) => saveOptions(patch),
  handOverLink: async ({ link }) => {
    const reduced = reducePageNumber(link, await storedAccountDomain());
    if (!reduced.ok) return { ok: false, error: appError('invalid_number', reduced.error) };
    await offerNumber(reduced.dial);
    return ok;
  },
  takePendingNumber: async ({ selection }) => {
    const pending = await writeStorage(async (writer) => {
      const stored = await read(storageKeys.pendingNumber);
      await writer.remove(storageKeys.pendingNumber);
      return freshPendingNumber(stored, Date.now());
    });
    if (pending !== null || !selection) return { number: pending };
    const selected = numberInSelection(selection, await country(), await storedAccountDomain());
    return { number: selected.ok ? selected.dial : null };
  },
} satisfies Routes<'background', typeof clickToCallRequests>;

/** "Call <selection>" in the page context menu: the browser's own menu, so the page cannot click it. */
export function installCallSelectionMenu(): void {
  chrome.runtime.onInstalled.addListener(() => {
    chrome.contextMenus.create({ id: MENU_ID, title: chrome.i18n.getMessage('callSelectionMenu') || 'Call “%s”', contexts: ['selection'] }, () => void chrome.runtime.lastError);
  });
  chrome.contextMenus.onClicked.addListener((info, tab) => void onCallSelection(info, tab));
}

export async function onCallSelection(info: chrome.contextMenus.OnClickData, tab: chrome.tabs.Tab | undefined): Promise<Result<{ dialed: boolean }>> {
  if (info.menuItemId !== MENU_ID || !info.selectionText) return { ok: false, error: appError('invalid_number', 'Nothing selected') };
  const { callAtOnce } = await loadClickToCallSettings();
  return handOver(numberInSelection(info.selectionText, await country(), await storedAccountDomain()), callAtOnce, tab);
}

/** Keeps the registration in step when the agent withdraws a permission in the browser's settings. */
export function followPermissionChanges(): void {
  chrome.permissions.onRemoved.addListener(async ({ origins = [] }) => {
    const removed = new Set(origins);
    await changeSettings((settings) => ({
      ...settings,
      allSites: settings.allSites && !ALL_SITES_PATTERNS.some((p) => removed.has(p)) && !removed.has('<all_urls>'),
      sites: settings.sites.filter((site) => !removed.has(sitePattern(site))),
    }));
  });
  void syncContentScript().catch((error: unknown) => console.warn('click-to-call registration failed:', error));
}
