import browser, { type Runtime } from 'webextension-polyfill';
import type { Broadcast, RequestPayload, RequestType, Response, Target } from './api';
import type { Envelope } from './envelope';

/** A page of this extension (popup, options, offscreen document, service worker), not a content script or web page. */
export function isExtensionPage(sender: Runtime.MessageSender): boolean {
  return sender.id === browser.runtime.id && typeof sender.url === 'string' && sender.url.startsWith(browser.runtime.getURL(''));
}

export async function request<T extends Target, K extends RequestType<T>>(to: T, type: K, payload: RequestPayload<T, K>): Promise<Response<T, K>> {
  const envelope: Envelope = { to, type: String(type), payload };
  return (await browser.runtime.sendMessage(envelope)) as Response<T, K>;
}

export function broadcast(message: Broadcast): void {
  // Nobody listening (popup closed) is the normal case, not an error.
  browser.runtime.sendMessage(message).catch(() => undefined);
}

export function onBroadcast(listener: (message: Broadcast) => void): () => void {
  const wrapped = (message: unknown, sender: Runtime.MessageSender): undefined => {
    if (typeof message === 'object' && message !== null && 'event' in message && isExtensionPage(sender)) listener(message as Broadcast);
    return undefined;
  };
  browser.runtime.onMessage.addListener(wrapped);
  return () => browser.runtime.onMessage.removeListener(wrapped);
}
