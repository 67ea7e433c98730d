import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type CardDavError, CardDavFailure } from '../../../../src/contacts/carddav/errors';
import { basicAuthorization, fetchTransport } from '../../../../src/contacts/carddav/transport';

let server: Server;
let base = '';
let lastHeaders: IncomingHttpHeaders = {};

beforeAll(async () => {
  server = createServer((req, res) => {
    lastHeaders = req.headers;
    if (req.url === '/slow') return void setTimeout(() => res.end('late'), 2_000);
    if (req.url === '/endless') {
      res.writeHead(207);
      const chunk = Buffer.alloc(64 * 1024, 'a');
      const pump = (): void => {
        while (res.write(chunk)) {}
        res.once('drain', pump);
      };
      res.on('close', () => res.removeAllListeners('drain'));
      return pump();
    }
    if (req.url === '/declared') {
      res.writeHead(207, { 'Content-Length': String(10 * 1024 * 1024) });
      return void res.end();
    }
    res.writeHead(207, { 'Content-Type': 'application/xml' });
    res.end('<d:multistatus xmlns:d="DAV:"/>');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

async function failure(promise: Promise<unknown>): Promise<CardDavError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof CardDavFailure) return error.error;
    throw error;
  }
  throw new Error('did not fail');
}

const credentials = { username: 'zoë', password: 'pässwörd:1' };
const request = (path: string) => ({ method: 'PROPFIND' as const, url: `${base}${path}`, depth: '1' as const, body: '<x/>' });

describe('the fetch transport', () => {
  test('sends Basic authentication in UTF-8, the depth and an XML body', async () => {
    const transport = fetchTransport(credentials, { timeoutMs: 5_000, maxBodyBytes: 1024 });
    const answer = await transport(request('/'));
    expect(answer.status).toBe(207);
    expect(answer.body).toBe('<d:multistatus xmlns:d="DAV:"/>');
    expect(lastHeaders.authorization).toBe(`Basic ${Buffer.from('zoë:pässwörd:1', 'utf8').toString('base64')}`);
    expect(basicAuthorization(credentials)).toBe(lastHeaders.authorization);
    expect(lastHeaders.depth).toBe('1');
    expect(lastHeaders['content-type']).toBe('application/xml; charset=utf-8');
  });

  test.each([
    ['an endless body', '/endless', { code: 'too_large', limitBytes: 1024 * 1024 }],
    ['a declared length past the limit', '/declared', { code: 'too_large', limitBytes: 1024 * 1024 }],
  ])('%s is cut at the limit', async (_, path, error) => {
    const transport = fetchTransport(credentials, { timeoutMs: 10_000, maxBodyBytes: 1024 * 1024 });
    expect(await failure(transport(request(path)))).toEqual(error);
  });

  test('a server that does not answer in time, and no server at all, are told apart', async () => {
    expect(await failure(fetchTransport(credentials, { timeoutMs: 300, maxBodyBytes: 1024 })(request('/slow')))).toEqual({
      code: 'timeout',
      url: `${base}/slow`,
    });
    const nowhere = 'http://127.0.0.1:9/';
    expect(await failure(fetchTransport(credentials, { timeoutMs: 5_000, maxBodyBytes: 1024 })({ ...request('/'), url: nowhere }))).toEqual({
      code: 'unreachable',
      url: nowhere,
    });
  });
});
