import browser, { type Runtime, type Tabs } from 'webextension-polyfill';
import * as v from 'valibot';
import { appError } from '../calls/errors';
import type { Result } from './api';
import { isEnvelope } from './envelope';

/**
 * The only requests a content script may make. Content scripts run in pages the extension does
 * not control, so this list is kept apart from the view requests (which only extension pages may
 * send) and kept short: hand over a number the user clicked, and ask how to read numbers.
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

type ContentScriptRequest = keyof typeof contentScriptRequests;
export type ContentScriptHandlers = {
  [K in ContentScriptRequest]: (
    payload: v.InferOutput<(typeof contentScriptRequests)[K]>,
    sender: Runtime.MessageSender & { tab: Tabs.Tab },
  ) => ContentScriptResponses[K] | Promise<ContentScriptResponses[K]>;
};

/** A script of this extension running in a web page's tab (not an extension page, not a web page). */
export function isContentScript(sender: Runtime.MessageSender): sender is Runtime.MessageSender & { tab: Tabs.Tab } {
  if (sender.id !== browser.runtime.id || sender.tab === undefined || typeof sender.url !== 'string') return false;
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
};

export interface ClickToCallResponses {
  setClickToCallSite: Result;
  saveClickToCallSettings: Result;
  takePendingNumber: { number: string | null };
}

/** Answers content scripts' requests, and nothing else; validated like every request. */
export function serveContentScripts(handlers: ContentScriptHandlers): void {
  const schemas = contentScriptRequests as Record<string, v.GenericSchema>;
  browser.runtime.onMessage.addListener((message: unknown, sender: Runtime.MessageSender) => {
    if (!isEnvelope(message) || message.to !== 'background' || !Object.hasOwn(schemas, message.type)) return undefined;
    if (!isContentScript(sender)) return undefined;
    const parsed = v.safeParse(schemas[message.type]!, message.payload ?? {});
    if (!parsed.success) return Promise.resolve({ ok: false, error: appError('internal', `Malformed ${message.type} request`) });
    const handler = handlers[message.type as ContentScriptRequest] as (payload: unknown, s: typeof sender) => unknown;
    return Promise.resolve(handler(parsed.output, sender));
  });
}
