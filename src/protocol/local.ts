import type { Runtime } from 'webextension-polyfill';
import type { Broadcast, Target } from './api';

/**
 * Answers one message as `serve()` would: a promise of the response, or undefined when the
 * message is not for it (wrong target, refused sender).
 */
export type Dispatch = (message: unknown, sender: Runtime.MessageSender) => Promise<unknown> | undefined;

/**
 * Servers and broadcast listeners of this very context. `runtime.sendMessage` never delivers to
 * the context that sends, so when one page hosts both ends (Firefox's background page runs the
 * service worker's routes and the softphone together) requests and broadcasts take this path.
 * In Chrome every target lives in its own context and this registry only ever holds one server.
 */
const servers = new Map<Target, Dispatch>();
const listeners = new Set<(message: Broadcast) => void>();

export function serveLocally(to: Target, dispatch: Dispatch): void {
  if (servers.has(to)) throw new Error(`${to} is already served in this context`);
  servers.set(to, dispatch);
}

export function localServer(to: Target): Dispatch | undefined {
  return servers.get(to);
}

/**
 * Delivers a request to a server of this context, as the browser would deliver it to another:
 * a copy of the message in, a copy of the response out, refused like an unanswered message.
 */
export async function requestLocally(dispatch: Dispatch, message: unknown, sender: Runtime.MessageSender): Promise<unknown> {
  const answer = dispatch(structuredClone(message), sender);
  if (answer === undefined) throw new Error('Could not establish connection. Receiving end does not exist.');
  return structuredClone(await answer);
}

export function listenLocally(listener: (message: Broadcast) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function broadcastLocally(message: Broadcast): void {
  for (const listener of [...listeners]) listener(structuredClone(message));
}

/** Forgets every server and listener (tests start each case from an empty context). */
export function resetLocalRegistry(): void {
  servers.clear();
  listeners.clear();
}
