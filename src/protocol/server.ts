import browser, { type Runtime } from 'webextension-polyfill';
import * as v from 'valibot';
import { appError } from '../calls/errors';
import type { RequestPayload, RequestType, Response, Target } from './api';
import { isEnvelope } from './envelope';
import { serveLocally, type Dispatch } from './local';
import { requestSchemas } from './schemas';

export type Handlers<T extends Target> = {
  [K in RequestType<T>]: (payload: RequestPayload<T, K>, sender: Runtime.MessageSender) => Response<T, K> | Promise<Response<T, K>>;
};

type AnyHandler = (payload: unknown, sender: Runtime.MessageSender) => unknown;

/**
 * Answers the requests addressed to `to`. Requests from senders `accept` refuses are dropped;
 * payloads that fail their schema are answered with an error; other contexts' requests are left alone.
 */
export function serve<T extends Target>(to: T, handlers: Handlers<T>, accept: (sender: Runtime.MessageSender, type: string) => boolean): void {
  const schemas = requestSchemas[to] as Record<string, v.GenericSchema>;
  const dispatch: Dispatch = (message, sender) => {
    if (!isEnvelope(message) || message.to !== to) return undefined;
    if (!accept(sender, message.type)) return undefined;
    const schema = Object.hasOwn(schemas, message.type) ? schemas[message.type] : undefined;
    const handler = (handlers as Record<string, AnyHandler>)[message.type];
    if (!schema || !handler) return Promise.resolve({ ok: false, error: appError('internal', `Unknown request ${message.type}`) });
    const parsed = v.safeParse(schema, message.payload ?? {});
    if (!parsed.success) return Promise.resolve({ ok: false, error: appError('internal', `Malformed ${message.type} request`) });
    return Promise.resolve(handler(parsed.output, sender));
  };
  // Requests from this same context never arrive through onMessage: they are dispatched directly.
  serveLocally(to, dispatch);
  browser.runtime.onMessage.addListener(dispatch);
}
