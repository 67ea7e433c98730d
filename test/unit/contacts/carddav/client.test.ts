import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import {
  type AddressBookRef,
  discoverAddressBooks,
  discoveryCandidates,
  freshSyncState,
  type SyncState,
  syncAddressBook,
} from '../../../../src/contacts/carddav/client';
import { type CardDavError, CardDavFailure } from '../../../../src/contacts/carddav/errors';
import type { DavTransport } from '../../../../src/contacts/carddav/transport';
import { BOOK, card, FakeServer, ORIGIN } from './fakeServer';

/** The client's copy of the address book, kept as the service worker keeps it. */
class Mirror {
  cards = new Map<string, { etag: string; vcard: string }>();
  state: SyncState = freshSyncState;

  async sync(transport: DavTransport) {
    const known = new Map([...this.cards].map(([href, c]) => [href, c.etag]));
    const outcome = await syncAddressBook(transport, BOOK, known, this.state);
    for (const href of outcome.deletes) this.cards.delete(href);
    for (const c of outcome.upserts) this.cards.set(c.href, { etag: c.etag, vcard: c.vcard });
    this.state = outcome.state;
    return outcome;
  }

  paths(): string[] {
    return [...this.cards.keys()].map((href) => new URL(href).pathname).sort();
  }
}

async function failure(promise: Promise<unknown>): Promise<CardDavError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof CardDavFailure) return error.error;
    throw error;
  }
  throw new Error('did not fail');
}

describe('discovery', () => {
  test.each([
    ['the bare server', `${ORIGIN}/`],
    ['the server without a slash', ORIGIN],
    ['the principal', `${ORIGIN}/alice/`],
    ['the address book itself', BOOK],
  ])('from %s, the address book is found', async (_, url) => {
    const server = new FakeServer();
    const books: AddressBookRef[] = await discoverAddressBooks(server.transport, url);
    expect(books).toEqual([{ url: BOOK, displayName: url === BOOK ? '' : 'Contacts' }]);
  });

  test('the well-known URL is tried first for a bare server, after the URL for a longer one', () => {
    expect(discoveryCandidates('https://dav.example.com')).toEqual(['https://dav.example.com/.well-known/carddav', 'https://dav.example.com/']);
    expect(discoveryCandidates('https://dav.example.com/dav/')).toEqual(['https://dav.example.com/dav/', 'https://dav.example.com/.well-known/carddav']);
  });

  test.each([
    [401, { code: 'auth_failed', status: 401 }],
    [403, { code: 'auth_failed', status: 403 }],
  ])('a %s stops discovery with a clear error', async (status, error) => {
    const transport: DavTransport = async (r) => ({ status, url: r.url, body: '' });
    expect(await failure(discoverAddressBooks(transport, ORIGIN))).toEqual(error);
  });

  test('a server that is no CardDAV server says so', async () => {
    const transport: DavTransport = async (r) => ({ status: 200, url: r.url, body: '<html>Welcome</html>' });
    expect((await failure(discoverAddressBooks(transport, ORIGIN))).code).toBe('http_status');
    const garbage: DavTransport = async (r) => ({ status: 207, url: r.url, body: '<html>Welcome</html>' });
    expect((await failure(discoverAddressBooks(garbage, ORIGIN))).code).toBe('garbage');
  });
});

describe('sync', () => {
  test('the first sync fetches every card; the next, after one change, fetches that card alone; a deletion is seen', async () => {
    const server = new FakeServer();
    for (let i = 0; i < 30; i++) server.put(`c${i}`, card(`c${i}`, `Person ${i}`));
    const mirror = new Mirror();
    expect((await mirror.sync(server.transport)).method).toBe('sync-collection');
    expect(mirror.cards.size).toBe(30);

    server.put('c7', card('c7', 'Person Seven'));
    server.remove('c9');
    const since = server.requests.length;
    const outcome = await mirror.sync(server.transport);
    expect(server.fetched(since)).toEqual(['/alice/contacts/c7.vcf']);
    expect(outcome.deletes).toEqual([`${BOOK}c9.vcf`]);
    expect(mirror.cards.get(`${BOOK}c7.vcf`)?.vcard).toContain('Person Seven');
    expect(mirror.cards.size).toBe(29);

    const quiet = server.requests.length;
    await mirror.sync(server.transport);
    expect(server.fetched(quiet)).toEqual([]);
  });

  test('a server that truncates (507) is followed round after round to the end', async () => {
    const server = new FakeServer();
    for (let i = 0; i < 25; i++) server.put(`c${i}`, card(`c${i}`, `P${i}`));
    server.behaviour.pageSize = 4;
    const mirror = new Mirror();
    await mirror.sync(server.transport);
    expect(mirror.cards.size).toBe(25);
    expect(server.requests.filter((r) => r.body.includes('sync-collection'))).toHaveLength(7);
  });

  test.each([
    ['a fresh token every time, forever', { endlessTruncation: true }],
    ['the same token again', { stuckToken: true }],
  ])('an endless sync ends in an error, not a hang: %s', async (_, behaviour) => {
    const server = new FakeServer();
    server.put('a', card('a', 'A'));
    server.behaviour = behaviour;
    const mirror = new Mirror();
    const error = await failure(mirror.sync(server.transport));
    expect(error.code).toBe('sync_loop');
    expect(server.requests.length).toBeLessThanOrEqual(50);
    expect(mirror.cards.size).toBe(0);
  });

  test('a token the server forgot starts over: every card listed again, only changed ones fetched, vanished ones deleted', async () => {
    const server = new FakeServer();
    for (const n of ['a', 'b', 'c']) server.put(n, card(n, n));
    const mirror = new Mirror();
    await mirror.sync(server.transport);
    server.forgetTokens();
    server.remove('b');
    server.put('c', card('c', 'C changed'));
    const since = server.requests.length;
    const outcome = await mirror.sync(server.transport);
    expect(outcome.deletes).toEqual([`${BOOK}b.vcf`]);
    expect(server.fetched(since)).toEqual(['/alice/contacts/c.vcf']);
    expect(mirror.paths()).toEqual(['/alice/contacts/a.vcf', '/alice/contacts/c.vcf']);
  });

  test('without sync-collection, the ctag says when nothing changed and the ETags which card did', async () => {
    const server = new FakeServer();
    server.behaviour.noSyncCollection = true;
    for (const n of ['a', 'b']) server.put(n, card(n, n));
    const mirror = new Mirror();
    expect((await mirror.sync(server.transport)).method).toBe('etags');
    expect(mirror.cards.size).toBe(2);
    expect((await mirror.sync(server.transport)).method).toBe('unchanged');
    server.put('b', card('b', 'B2'));
    const since = server.requests.length;
    await mirror.sync(server.transport);
    expect(server.fetched(since)).toEqual(['/alice/contacts/b.vcf']);
  });

  test('a card larger than the limit is skipped and counted, the others stored', async () => {
    const server = new FakeServer();
    server.put('small', card('small', 'Small'));
    server.put('huge', card('huge', 'x'.repeat(2_000_000)));
    const outcome = await syncAddressBook(server.transport, BOOK, new Map(), freshSyncState);
    expect(outcome.upserts.map((c) => c.href)).toEqual([`${BOOK}small.vcf`]);
    expect(outcome.skipped).toBe(1);
  });

  test.each([
    [401, 'auth_failed'],
    [500, 'http_status'],
  ])('a %s in the middle of a sync fails the whole sync (nothing half applied)', async (status, code) => {
    const server = new FakeServer();
    for (const n of ['a', 'b']) server.put(n, card(n, n));
    let calls = 0;
    const flaky: DavTransport = async (r) => (++calls === 2 ? { status, url: r.url, body: '' } : server.transport(r));
    expect((await failure(syncAddressBook(flaky, BOOK, new Map(), freshSyncState))).code).toBe(code);
  });

  test('cards are fetched in batches, two at a time; a failed batch stops the fetching and fails the sync', async () => {
    const server = new FakeServer();
    for (let i = 0; i < 20; i++) server.put(`c${i}`, card(`c${i}`, `P${i}`));
    const limits = { maxRounds: 50, maxCards: 1_000, maxCardChars: 10_000, batchSize: 2 };
    expect((await syncAddressBook(server.transport, BOOK, new Map(), freshSyncState, limits)).upserts).toHaveLength(20);
    expect(server.requests.filter((r) => r.body.includes('addressbook-multiget'))).toHaveLength(10);

    let multigets = 0;
    const failing: DavTransport = async (r) =>
      r.body.includes('addressbook-multiget') && ++multigets === 3 ? { status: 500, url: r.url, body: '' } : server.transport(r);
    expect((await failure(syncAddressBook(failing, BOOK, new Map(), freshSyncState, limits))).code).toBe('http_status');
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(multigets).toBeLessThanOrEqual(4);
  });

  test('whatever the server changes between syncs, and however it pages, the copy ends equal to the server', async () => {
    const op = fc.oneof(
      fc.record({ kind: fc.constant('put' as const), name: fc.integer({ min: 0, max: 12 }), text: fc.string({ maxLength: 20 }) }),
      fc.record({ kind: fc.constant('remove' as const), name: fc.integer({ min: 0, max: 12 }) }),
      fc.record({
        kind: fc.constant('sync' as const),
        pageSize: fc.option(fc.integer({ min: 1, max: 5 }), { nil: undefined }),
        forget: fc.boolean(),
        noSync: fc.boolean(),
      }),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(op, { maxLength: 40 }), async (ops) => {
        const server = new FakeServer();
        const mirror = new Mirror();
        for (const o of ops) {
          if (o.kind === 'put') server.put(`n${o.name}`, card(`n${o.name}`, o.text.replace(/[^\p{L}\p{N} ]/gu, '')));
          else if (o.kind === 'remove') server.remove(`n${o.name}`);
          else {
            server.behaviour = { ...(o.pageSize === undefined ? {} : { pageSize: o.pageSize }), noSyncCollection: o.noSync };
            if (o.forget) server.forgetTokens();
            await mirror.sync(server.transport);
            expect(mirror.paths()).toEqual([...server.cards.keys()].sort());
            for (const [path, c] of server.cards) expect(mirror.cards.get(`${ORIGIN}${path}`)).toEqual(c);
          }
        }
      }),
      { numRuns: 200 },
    );
  });

  test('whatever garbage the server answers with, a sync fails with a CardDAV error and never hangs', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 100, max: 599 }), fc.string({ maxLength: 300 }), fc.integer({ min: 1, max: 4 }), async (status, body, at) => {
        const server = new FakeServer();
        for (const n of ['a', 'b', 'c']) server.put(n, card(n, n));
        let calls = 0;
        const bad: DavTransport = async (r) => (++calls >= at ? { status, url: r.url, body } : server.transport(r));
        try {
          await syncAddressBook(bad, BOOK, new Map(), freshSyncState);
        } catch (error) {
          expect(error).toBeInstanceOf(CardDavFailure);
        }
        expect(calls).toBeLessThan(60);
      }),
      { numRuns: 300 },
    );
  });
});
