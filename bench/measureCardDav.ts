import type { Page } from 'playwright-core';
import type { CardDavStatus } from '../src/contacts/carddav/sources';
import { Agent } from '../test/e2e/harness/browser';
import { TestRadicale, vcard } from '../test/e2e/harness/radicale';
import { extensionWithLoopbackGranted } from '../test/e2e/harness/testSite';
import { type BenchFigure, figure } from './figure';

export interface CardDavBenchOptions {
  cards?: number;
  repetitions?: number;
  log?: (line: string) => void;
}

const USER = 'alice';
const BOOK = 'big';

async function timed<T>(page: Page, type: string, payload: object): Promise<{ ms: number; answer: T }> {
  return page.evaluate(
    async ({ type, payload }) => {
      const started = performance.now();
      const answer = await chrome.runtime.sendMessage({ to: 'background', type, payload });
      return { ms: performance.now() - started, answer };
    },
    { type, payload },
  ) as Promise<{ ms: number; answer: T }>;
}

/**
 * The naive client, in the same service worker with the same access: list the book with one
 * PROPFIND, then GET every card, six at a time (the browser's connections to one host).
 */
async function naiveFullDownload(agent: Agent, bookUrl: string, password: string): Promise<{ ms: number; cards: number }> {
  const sw = await agent.serviceWorker();
  // Given as a string: the bundler's name-keeping helpers do not exist in the service worker.
  const script = `(async () => {
    const bookUrl = ${JSON.stringify(bookUrl)};
    const authorization = ${JSON.stringify(`Basic ${btoa(`${USER}:${password}`)}`)};
    const started = performance.now();
    const listing = await (await fetch(bookUrl, { method: 'PROPFIND', headers: { Authorization: authorization, Depth: '1' },
      body: '<?xml version="1.0"?><d:propfind xmlns:d="DAV:"><d:prop><d:getetag/></d:prop></d:propfind>' })).text();
    const hrefs = [...listing.matchAll(/<[^>]*href>([^<]*\\.vcf)<\\//g)].map((m) => m[1]);
    let next = 0;
    let cards = 0;
    const worker = async () => {
      while (next < hrefs.length) {
        const href = hrefs[next++];
        const text = await (await fetch(new URL(href, bookUrl), { headers: { Authorization: authorization } })).text();
        if (text.includes('BEGIN:VCARD')) cards += 1;
      }
    };
    await Promise.all(Array.from({ length: 6 }, worker));
    return { ms: performance.now() - started, cards };
  })()`;
  return sw.evaluate(script) as Promise<{ ms: number; cards: number }>;
}

/**
 * CardDAV on loopback, against a real Radicale, through the extension's service worker: the first
 * sync of a 5,000-card address book (discovery from the bare URL included) against the naive
 * client, and an incremental sync after one change, timed and with the cards it fetched counted.
 */
export async function runCardDavBench(options: CardDavBenchOptions = {}): Promise<BenchFigure[]> {
  const count = options.cards ?? 5_000;
  const repetitions = options.repetitions ?? 3;
  const log = options.log ?? (() => undefined);
  const password = 'alice-password';
  const server = await TestRadicale.start({ users: { [USER]: password } });
  const extension = extensionWithLoopbackGranted();
  let agent: Agent | null = null;
  try {
    await server.putAddressBook(
      USER,
      BOOK,
      Array.from({ length: count }, (_, i) => vcard(`u${i}`, `Person ${i}`, `+32255${String(i).padStart(5, '0')}`)),
    );
    await server.warm(USER, BOOK);
    agent = await Agent.launch({ extensionDir: extension.dir, microphone: false });
    const page = await agent.openOptions();
    const initial: number[] = [];
    const incremental: number[] = [];
    const fetched: number[] = [];
    const naive: number[] = [];
    for (let r = 0; r < repetitions; r++) {
      const added = await timed<{ ok: boolean; id: string; status: CardDavStatus }>(page, 'addCardDavSource', { url: server.url, username: USER, password });
      if (!added.answer.ok || added.answer.status.cards !== count) throw new Error(`initial sync: ${JSON.stringify(added.answer)}`);
      initial.push(added.ms);

      await server.putCard(USER, BOOK, `u${r}`, vcard(`u${r}`, `Changed ${r}`, '+3225599999'));
      const since = server.requests.length;
      const synced = await timed<{ statuses: Record<string, CardDavStatus> }>(page, 'syncCardDav', { id: added.answer.id });
      if (synced.answer.statuses[added.answer.id]?.error) throw new Error(`incremental sync: ${JSON.stringify(synced.answer)}`);
      incremental.push(synced.ms);
      fetched.push(server.fetchedCards(since).length);

      const baseline = await naiveFullDownload(agent, `${server.origin}/${USER}/${BOOK}/`, password);
      if (baseline.cards !== count) throw new Error(`naive download got ${baseline.cards} cards`);
      naive.push(baseline.ms);
      log(`initial ${Math.round(added.ms)} ms, incremental ${Math.round(synced.ms)} ms fetching ${fetched.at(-1)}, naive ${Math.round(baseline.ms)} ms`);
      await timed(page, 'removeCardDavSource', { id: added.answer.id });
    }
    const n = count.toLocaleString('en');
    return [
      figure(`CardDAV: first sync of ${n} cards from the bare server URL (discovery, sync-collection, multiget, stored)`, 'ms', initial, naive),
      figure('CardDAV: incremental sync after one change (baseline: the first sync again)', 'ms', incremental, initial),
      figure(
        `CardDAV: cards fetched by that incremental sync (baseline: all ${n})`,
        'cards',
        fetched,
        fetched.map(() => count),
      ),
    ];
  } finally {
    await agent?.close();
    extension.remove();
    await server.remove();
  }
}
