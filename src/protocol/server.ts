import * as v from 'valibot';
import browser, { type Runtime } from 'webextension-polyfill';
import type { RequestPayload, RequestType, Response, Target } from './api';
import { type ContentScriptRequest, type ContentScriptSender, isContentScript, isContentScriptRequest } from './clickToCall';
import { isEnvelope } from './envelope';
import { type Dispatch, serveLocally } from './local';
import { requestSchemas } from './schemas';

/** Who may have sent request K: a content script for its few requests, else an extension page. */
export type SenderOf<K> = K extends ContentScriptRequest ? ContentScriptSender : Runtime.MessageSender;

export type Handlers<T extends Target> = {
  [K in RequestType<T>]: (payload: RequestPayload<T, K>, sender: SenderOf<K>) => Response<T, K> | Promise<Response<T, K>>;
};

/** The handlers of one request table (e.g. `typeof queueRequests`): what its route file must provide, checked with `satisfies`. */
export type Routes<T extends Target, Table> = Pick<Handlers<T>, keyof Table & RequestType<T>>;

type AnyHandler = (payload: unknown, sender: Runtime.MessageSender) => unknown;

/**
 * Answers the requests addressed to `to`. A content script's requests are taken from content
 * scripts only; every other request from senders `accept` takes (the extension's own pages).
 * Refused senders and other contexts' requests are left alone, as if nobody listened. A request
 * this context does not know, or whose payload fails its schema, is rejected: the sender's
 * promise rejects, it never gets an answer of a shape it does not expect.
 */
export function serve<T extends Target>(to: T, handlers: Handlers<T>, accept: (sender: Runtime.MessageSender, type: string) => boolean): void {
  const schemas = requestSchemas[to] as Record<string, v.GenericSchema>;
  const dispatch: Dispatch = (message, sender) => {
    if (!isEnvelope(message) || message.to !== to) return undefined;
    if (isContentScriptRequest(message.type) ? !isContentScript(sender) : !accept(sender, message.type)) return undefined;
    const schema = Object.hasOwn(schemas, message.type) ? schemas[message.type] : undefined;
    const handler = (handlers as Record<string, AnyHandler>)[message.type];
    if (!schema || !handler) return Promise.reject(new Error(`Unknown request ${message.type}`));
    const parsed = v.safeParse(schema, message.payload ?? {});
    if (!parsed.success) return Promise.reject(new Error(`Malformed ${message.type} request`));
    return Promise.resolve().then(() => handler(parsed.output, sender));
  };
  // Requests from this same context never arrive through onMessage: they are dispatched directly.
  serveLocally(to, dispatch);
  browser.runtime.onMessage.addListener(dispatch);
}
