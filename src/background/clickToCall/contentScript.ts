import { type ClickToCallSettings, contentScriptMatches } from '../../clicktocall/settings';
import contentScriptFile from '../../content/main?script&iife';
import { sendToTab } from '../../protocol/clickToCall';
import { loadClickToCallSettings } from '../../storage/clickToCallStore';

const SCRIPT_ID = 'click-to-call';

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

/** Starts click-to-call in an open tab at once, rather than after a reload (it runs once per page). */
export async function startInTab(tabId: number): Promise<void> {
  await chrome.scripting.executeScript({ target: { tabId }, files: [contentScriptFile] }).catch(() => undefined);
}

/** Tells click-to-call in open tabs of `patterns` to take its buttons away. */
export async function stopInTabs(patterns: string[]): Promise<void> {
  const tabs = await chrome.tabs.query({ url: patterns }).catch(() => []);
  await Promise.all(tabs.map((tab) => (tab.id === undefined ? undefined : sendToTab(tab.id, { clickToCall: 'stop' }))));
}
