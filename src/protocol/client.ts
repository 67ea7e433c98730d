/**
 * Extension APIs are called as `chrome.*` everywhere: Chrome's and Firefox's Manifest V3 both
 * answer with promises there, and @types/chrome types every API used. Requests that are answered
 * (here and in server.ts) alone go through webextension-polyfill's `browser`: with it a listener
 * answers with a promise, and a rejected promise rejects the sender's, in Chrome as in Firefox.
 * The one message nobody answers, the service worker's word to a tab (clickToCall.ts), is chrome.*.
 */
import browser, { type Runtime } from 'webextension-polyfill';
import type { Broadcast, RequestPayload, RequestType, Response, Target } from './api';
import type { Envelope } from './envelope';
import { broadcastLocally, listenLocally, localServer, requestLocally } from './local';

/** A page of this extension (popup, options, offscreen document, service worker), not a content script or web page. */
export function isExtensionPage(sender: Runtime.MessageSender): boolean {
  return sender.id === chrome.runtime.id && typeof sender.url === 'string' && sender.url.startsWith(chrome.runtime.getURL(''));
}

/**
 * Asks `to` and resolves with its answer. Rejects when nobody answers, or when the receiver
 * rejects the request (unknown, malformed, or its handler failed).
 */
export async function request<T extends Target, K extends RequestType<T>>(to: T, type: K, payload: RequestPayload<T, K>): Promise<Response<T, K>> {
  const envelope: Envelope = { to, type: String(type), payload };
  // A target served by this very context (Firefox's background page) is answered here.
  const local = localServer(to);
  if (local) return (await requestLocally(local, envelope, { id: chrome.runtime.id, url: globalThis.location?.href })) as Response<T, K>;
  return (await browser.runtime.sendMessage(envelope)) as Response<T, K>;
}

export function broadcast(message: Broadcast): void {
  broadcastLocally(message);
  // Nobody listening (popup closed) is the normal case, not an error.
  browser.runtime.sendMessage(message).catch(() => undefined);
}

export function onBroadcast(listener: (message: Broadcast) => void): () => void {
  const wrapped = (message: unknown, sender: Runtime.MessageSender): undefined => {
    if (typeof message === 'object' && message !== null && 'event' in message && isExtensionPage(sender)) listener(message as Broadcast);
    return undefined;
  };
  browser.runtime.onMessage.addListener(wrapped);
  const offLocal = listenLocally(listener);
  return () => {
    offLocal();
    browser.runtime.onMessage.removeListener(wrapped);
  };
}
