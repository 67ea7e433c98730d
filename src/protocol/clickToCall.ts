import * as v from 'valibot';
import type { Runtime, Tabs } from 'webextension-polyfill';
import type { Result } from './api';

/**
 * The only requests a content script may make. Content scripts run in pages the extension does
 * not control, so serve() takes these from content scripts only, and the view requests (which
 * only extension pages may send) never from them. Kept short: hand over a number the user
 * clicked, and ask how to read numbers.
 */
export const contentScriptRequests = {
  clickToCall: v.object({
    number: v.pipe(v.string(), v.maxLength(256)),
    /**
     * `button`: our own call button (trusted click, checked visible); `confirm`: our button, but
     * not everything could be checked (no IntersectionObserver v2, a filter, a mask...): like a
     * page's tel: link (`link`), it only opens the softphone with the number, to confirm.
     */
    via: v.picklist(['button', 'confirm', 'link']),
  }),
  clickToCallSetup: v.object({}),
};

export interface ContentScriptResponses {
  /** `dialed`: the call was placed at once; otherwise the softphone opened with the number. */
  clickToCall: Result<{ dialed: boolean }>;
  clickToCallSetup: { country: string };
}

export type ContentScriptRequest = keyof typeof contentScriptRequests;

/** Who sent a content script's request: a script of this extension in a web page's tab. */
export type ContentScriptSender = Runtime.MessageSender & { tab: Tabs.Tab; url: string };

export function isContentScriptRequest(type: string): type is ContentScriptRequest {
  return Object.hasOwn(contentScriptRequests, type);
}

/** A script of this extension running in a web page's tab (not an extension page, not a web page). */
export function isContentScript(sender: Runtime.MessageSender): sender is ContentScriptSender {
  if (sender.id !== chrome.runtime.id || sender.tab === undefined || typeof sender.url !== 'string') return false;
  return /^https?:/.test(sender.url);
}

/** Views' requests about click-to-call: extension pages only, like every view request. */
export const clickToCallRequests = {
  setClickToCallSite: v.object({ site: v.pipe(v.string(), v.maxLength(300)), enabled: v.boolean(), tabId: v.optional(v.number()) }),
  saveClickToCallSettings: v.object({ allSites: v.optional(v.boolean()), callAtOnce: v.optional(v.boolean()) }),
  /**
   * The number to show when the popup opens: the one a page click handed over (reading it clears
   * it), else the first number in the page's selection (the keyboard shortcut's case).
   */
  takePendingNumber: v.object({ selection: v.optional(v.pipe(v.string(), v.maxLength(2000))) }),
  /** Firefox's page for tel: and sip: links hands the link's number over, for the popup it becomes to take. */
  handOverLink: v.object({ link: v.pipe(v.string(), v.maxLength(2000)) }),
};

export interface ClickToCallResponses {
  setClickToCallSite: Result;
  saveClickToCallSettings: Result;
  takePendingNumber: { number: string | null };
  handOverLink: Result;
}

/**
 * What the service worker tells click-to-call in a tab (the one message that goes that way):
 * `stop` takes the buttons away and stops watching the page, when the agent turned the site off.
 */
const TabMessageSchema = v.object({ clickToCall: v.literal('stop') });
export type TabMessage = v.InferOutput<typeof TabMessageSchema>;

export async function sendToTab(tabId: number, message: TabMessage): Promise<void> {
  // A tab without the script (never enabled there, or closed meanwhile) has nothing to stop.
  await chrome.tabs.sendMessage(tabId, message).catch(() => undefined);
}

/**
 * In the content script: calls `listener` with each message the service worker sends this tab,
 * until the returned function is called.
 */
export function onTabMessage(listener: (message: TabMessage) => void): () => void {
  const receive = (message: unknown, sender: chrome.runtime.MessageSender): undefined => {
    if (sender.id === chrome.runtime.id && v.is(TabMessageSchema, message)) listener(message);
    return undefined;
  };
  chrome.runtime.onMessage.addListener(receive);
  return () => chrome.runtime.onMessage.removeListener(receive);
}
