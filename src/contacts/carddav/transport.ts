import { CardDavFailure, fail } from './errors';

/** One WebDAV request, and its answer once redirects were followed. */
export interface DavRequest {
  method: 'PROPFIND' | 'REPORT';
  url: string;
  depth: '0' | '1';
  body: string;
}

export interface DavAnswer {
  status: number;
  /** The URL that answered (after redirects): hrefs in the body are relative to it. */
  url: string;
  body: string;
}

/** Sends a request; fails (CardDavFailure) only when no answer came: unreachable, timed out, too large. */
export type DavTransport = (request: DavRequest) => Promise<DavAnswer>;

export interface Credentials {
  username: string;
  password: string;
}

export interface FetchTransportOptions {
  timeoutMs: number;
  /** The largest body read: past it the answer is dropped and the sync fails with too_large. */
  maxBodyBytes: number;
  fetch?: typeof fetch;
}

export const defaultTransportOptions: FetchTransportOptions = { timeoutMs: 30_000, maxBodyBytes: 64 * 1024 * 1024 };

export function basicAuthorization({ username, password }: Credentials): string {
  const bytes = new TextEncoder().encode(`${username}:${password}`);
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return `Basic ${btoa(binary)}`;
}

async function readCapped(response: Response, maxBytes: number): Promise<string> {
  const declared = Number(response.headers.get('content-length') ?? '0');
  if (declared > maxBytes) {
    await response.body?.cancel();
    fail({ code: 'too_large', limitBytes: maxBytes });
  }
  if (!response.body) return '';
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let text = '';
  let read = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    read += value.byteLength;
    if (read > maxBytes) {
      await reader.cancel();
      fail({ code: 'too_large', limitBytes: maxBytes });
    }
    text += decoder.decode(value, { stream: true });
  }
  return text + decoder.decode();
}

/**
 * The transport over fetch(), as the service worker (or Node, in tests) has it: Basic
 * authentication sent with every request (the browser never shows its own login dialog, and no
 * cookie goes along), a time-out, and a cap on what is read.
 */
export function fetchTransport(credentials: Credentials, options: FetchTransportOptions = defaultTransportOptions): DavTransport {
  const authorization = basicAuthorization(credentials);
  const doFetch = options.fetch ?? fetch;
  return async ({ method, url, depth, body }) => {
    const signal = AbortSignal.timeout(options.timeoutMs);
    let response: Response;
    try {
      response = await doFetch(url, {
        method,
        headers: { Authorization: authorization, Depth: depth, 'Content-Type': 'application/xml; charset=utf-8' },
        body,
        credentials: 'omit',
        redirect: 'follow',
        cache: 'no-store',
        signal,
      });
    } catch (error) {
      if (signal.aborted) fail({ code: 'timeout', url });
      void error;
      fail({ code: 'unreachable', url });
    }
    try {
      return { status: response.status, url: response.url || url, body: await readCapped(response, options.maxBodyBytes) };
    } catch (error) {
      if (error instanceof CardDavFailure) throw error;
      if (signal.aborted) fail({ code: 'timeout', url });
      fail({ code: 'unreachable', url });
    }
  };
}
