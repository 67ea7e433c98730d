import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import type { Contact } from '../src/contacts/contact';
import { ContactIndex } from '../src/contacts/contactIndex';
import { writeVCards } from '../src/contacts/vcardWriter';
import { Agent } from '../test/e2e/harness/browser';
import { TestPbx } from '../test/pbx/pbx';
import { callFromTrunk } from '../test/pbx/trunk';
import { OneShotIndex } from '../test/unit/contacts/oneShotIndex';
import { type BenchFigure, figure, type Growth } from './figure';

const GIVEN = ['Zoë', 'Jan', 'Anna', 'Lars', 'Marie', 'Luca', 'Sofia', 'Pieter', 'Émile', 'Greta', 'Noah', 'Ines'];
const FAMILY = ['Müller', 'de Vries', 'Dubois', 'Rossi', 'Svensson', 'Peeters', 'Schmidt', 'Janssen', 'Bernard', 'Lindqvist'];
const COMPANIES = ['ACME', 'Globex', 'Initech', 'Umbrella', 'Hooli', 'Stark', 'Wayne', 'Wonka'];

/** `count` contacts with mixed names, companies and Belgian numbers written as people write them. */
export function makeContacts(count: number): Contact[] {
  return Array.from({ length: count }, (_, i) => ({
    id: `c${i}`,
    name: `${GIVEN[i % GIVEN.length]} ${FAMILY[Math.floor(i / GIVEN.length) % FAMILY.length]} ${i}`,
    company: COMPANIES[i % COMPANIES.length] as string,
    numbers: [
      { label: 'work', value: `+32 2 ${String(5_000_000 + i).replace(/(\d{3})(\d{2})(\d{2})/, '$1 $2 $3')}` },
      { label: 'mobile', value: `0470 ${String(100_000 + i)}` },
    ],
    sourceId: 'local',
  }));
}

/** What the agent types, one keystroke at a time: a name, a company, national digits. */
export const KEYSTROKES = ['z', 'zo', 'zoe', 'zoe m', 'zoe mu', 'g', 'gl', 'glob', '0', '04', '047', '0470', '04701', '047012', '0470123'];

/** The obvious way: every contact folded and compared on each keystroke. */
function naiveSearch(contacts: readonly Contact[], query: string, limit: number): Contact[] {
  const fold = (s: string): string => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
  const q = fold(query.trim());
  const digits = q.replace(/\D/g, '');
  const isNumber = /^[\d\s+]+$/.test(q);
  return contacts
    .filter((c) =>
      isNumber ? c.numbers.some((n) => n.value.replace(/\D/g, '').includes(digits)) : q.split(' ').every((w) => fold(`${c.name} ${c.company}`).includes(w)),
    )
    .sort((a, b) => fold(a.name).localeCompare(fold(b.name)))
    .slice(0, limit);
}

function timeEach(queries: readonly string[], run: (q: string) => unknown): number[] {
  return queries.map((q) => {
    const start = performance.now();
    run(q);
    return performance.now() - start;
  });
}

/**
 * Run in the popup (as text: the bench's TypeScript runner would wrap named functions in a helper
 * the page lacks): empties the search box and waits for the full list, then sets the query as a
 * keystroke would and times until the list shows exactly that query's results.
 */
const KEYSTROKE_IN_PAGE = `async ({ query, expected, cleared }) => {
  const box = document.querySelector('input[type=search]');
  const names = () => [...document.querySelectorAll('.contact-results .contact-name')].map((n) => n.textContent).join('|');
  const until = (want) => new Promise((resolve) => {
    if (names() === want) return resolve();
    const observer = new MutationObserver(() => {
      if (names() !== want) return;
      observer.disconnect();
      resolve();
    });
    observer.observe(document.body, { childList: true, subtree: true, characterData: true });
  });
  box.value = '';
  box.dispatchEvent(new Event('input', { bubbles: true }));
  await until(cleared);
  const start = performance.now();
  box.value = query;
  box.dispatchEvent(new Event('input', { bubbles: true }));
  await until(expected);
  return performance.now() - start;
}`;

/**
 * The longest stretch the thread running `work` could not take its next task: a message pinged to
 * itself, over and over, and the longest wait for it while `work` runs. In Node, for the index
 * built whole or in slices.
 */
async function longestStallInNode(work: () => Promise<unknown>): Promise<number> {
  let longest = 0;
  let done = false;
  const channel = new MessageChannel();
  const pinging = (async () => {
    let last = performance.now();
    while (!done) {
      await new Promise((resolve) => {
        channel.port1.onmessage = resolve;
        channel.port2.postMessage(null);
      });
      const now = performance.now();
      longest = Math.max(longest, now - last);
      last = now;
    }
  })();
  await work();
  done = true;
  await pinging;
  channel.port1.close();
  return longest;
}

/**
 * The same in an extension page, which shares its thread with the softphone's (offscreen)
 * document: started with `start`, read (and stopped) with `stop`. As a string: the bench's runner
 * would wrap a function in a helper the page lacks.
 */
const STALL_PROBE = `({
  start() {
    const probe = { longest: 0, running: true };
    globalThis.stallProbe = probe;
    const channel = new MessageChannel();
    let last = performance.now();
    channel.port1.onmessage = () => {
      const now = performance.now();
      probe.longest = Math.max(probe.longest, now - last);
      last = now;
      if (probe.running) channel.port2.postMessage(null);
    };
    channel.port2.postMessage(null);
  },
  stop() {
    globalThis.stallProbe.running = false;
    return globalThis.stallProbe.longest;
  },
})`;

async function timeStall(page: Page, work: () => Promise<unknown>): Promise<number> {
  await page.evaluate(`${STALL_PROBE}.start()`);
  await work();
  return (await page.evaluate(`${STALL_PROBE}.stop()`)) as number;
}

/** The i-th of `makeContacts` as a trunk caller sends it. */
const e164Of = (i: number): string => `+322${5_000_000 + i}`;

/**
 * How the contact index's costs grow with the address book, in Node: building it whole, and the
 * median keystroke's search, at each size.
 */
export function contactsGrowth(sizes: readonly number[] = [1_000, 10_000, 50_000], repetitions = 3): Growth[] {
  const build: Growth = { figure: 'contacts: build the index whole, by contacts', unit: 'ms', sizes: [...sizes], values: [] };
  const search: Growth = { figure: 'contacts: search per keystroke (median), by contacts', unit: 'ms', sizes: [...sizes], values: [] };
  const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;
  // Warmed up first, so the smallest size is not the one that pays for compiling.
  const warm = new ContactIndex(makeContacts(sizes[0] ?? 1_000), 'BE');
  for (const q of KEYSTROKES) warm.search(q, 30);
  for (const size of sizes) {
    const contacts = makeContacts(size);
    const builds: number[] = [];
    let index: ContactIndex | null = null;
    for (let r = 0; r < repetitions; r++) {
      const start = performance.now();
      index = new ContactIndex(contacts, 'BE');
      builds.push(performance.now() - start);
    }
    build.values.push(median(builds));
    const built = index as ContactIndex;
    const keystrokes: number[] = [];
    for (let r = 0; r < repetitions; r++) keystrokes.push(...timeEach(KEYSTROKES, (q) => built.search(q, 30)));
    search.values.push(median(keystrokes));
  }
  return [build, search];
}

/**
 * Searching 50,000 contacts: the index's search per keystroke beside a naive filter over the same
 * contacts, in Node; then keystroke to results in the real popup (Chromium), the query travelling
 * to the softphone's document and the results back and drawn. Then, against the test PBX: an
 * incoming INVITE to the popup showing it with 50,000 contacts and with none; the longest stall of
 * the softphone's thread while the index is built again after one saved contact, and while
 * 50,000 contacts are imported; and the time from saving one contact to it being found.
 */
export async function runContactsBench({
  count = 50_000,
  repetitions = 5,
  log = (_: string) => undefined,
}: {
  count?: number;
  repetitions?: number;
  log?: (line: string) => void;
} = {}): Promise<BenchFigure[]> {
  const contacts = makeContacts(count);
  const buildStart = performance.now();
  const index = new ContactIndex(contacts, 'BE');
  const buildMs = performance.now() - buildStart;
  const ours: number[] = [];
  const naive: number[] = [];
  for (let r = 0; r < repetitions; r++) {
    ours.push(...timeEach(KEYSTROKES, (q) => index.search(q, 30)));
    naive.push(...timeEach(KEYSTROKES, (q) => naiveSearch(contacts, q, 30)));
  }
  const n = count.toLocaleString('en');
  const figures = [
    figure(`contacts: search ${n} contacts per keystroke (index vs naive filter)`, 'ms', ours, naive),
    figure(`contacts: build the index of ${n} contacts, whole, first time`, 'ms', [buildMs], null),
  ];
  // One contact changed: the sliced build with the others already folded, against the old one-shot build.
  const sliced: number[] = [];
  const slicedStall: number[] = [];
  const whole: number[] = [];
  const wholeStall: number[] = [];
  for (let r = 0; r < repetitions; r++) {
    const changed = [...contacts];
    changed[r] = { ...(changed[r] as Contact), name: `Changed ${r}` };
    let start = performance.now();
    slicedStall.push(await longestStallInNode(() => ContactIndex.build(changed, 'BE')));
    sliced.push(performance.now() - start);
    start = performance.now();
    wholeStall.push(await longestStallInNode(async () => new OneShotIndex(changed, 'BE')));
    whole.push(performance.now() - start);
  }
  figures.push(
    figure(`contacts: index ${n} contacts again after one change, Node (ours: in slices, others folded; baseline: whole, as before)`, 'ms', sliced, whole),
    figure(`contacts: longest stall of the thread during that rebuild, Node`, 'ms', slicedStall, wholeStall),
  );

  const pbx = await TestPbx.start();
  const agent = await Agent.launch();
  try {
    const user = pbx.users.find((u) => u.username === '101');
    if (!user) throw new Error('no user 101 on the test PBX');
    await agent.configure({ username: '101', password: user.password, domain: pbx.domain, websocketUrl: pbx.wsUrl });
    await agent.waitUntilRegistered();
    await (await agent.serviceWorker()).evaluate(() => chrome.storage.local.set({ callerId: { homeCountry: 'BE' } }));
    const popup = await agent.openPopup();

    /** A trunk caller rings from contact `i`'s number: its INVITE at the PBX to the popup showing the call. */
    const inviteToPopup = async (i: number): Promise<number> => {
      const shown = popup.evaluate<number>(`new Promise((resolve) => {
        const observer = new MutationObserver(() => {
          if (document.querySelector('[aria-label="Incoming call"]')) { observer.disconnect(); resolve(Date.now()); }
        });
        observer.observe(document.body, { childList: true, subtree: true });
      })`);
      const since = Date.now();
      const calling = callFromTrunk(pbx, '101', 1, 500, { from: e164Of(i) });
      const shownAt = await shown;
      const invite = await pbx.waitForRequest('INVITE', /^sip:101@/, { since });
      await calling;
      await agent.waitForSnapshot((s) => s.calls.length === 0, 'ringing over');
      return shownAt - invite.at;
    };
    await inviteToPopup(0); // the first call of a browser opens its devices
    const withNone: number[] = [];
    for (let r = 0; r < repetitions; r++) withNone.push(await inviteToPopup(r));

    const options = await agent.openOptions();
    const importStall: number[] = [];
    const importMs: number[] = [];
    for (let r = 0; r < Math.max(1, Math.floor(repetitions / 2)); r++) {
      const start = performance.now();
      importStall.push(
        await timeStall(options, async () => {
          const imported = await agent.command<{ ok: boolean; imported?: number }>('importContacts', { text: writeVCards(contacts), mode: 'replace' });
          if (!imported.ok) throw new Error('the bench contacts were not imported');
        }),
      );
      importMs.push(performance.now() - start);
    }
    log(`${count} contacts imported`);
    const withContacts: number[] = [];
    for (let r = 0; r < repetitions; r++) withContacts.push(await inviteToPopup(count - 1 - r));
    // As the agent imports: the file picked in Settings, handed to the softphone's document through IndexedDB.
    const fileDir = mkdtempSync(join(tmpdir(), 'voip-bench-contacts-'));
    const filePath = join(fileDir, 'contacts.vcf');
    writeFileSync(filePath, writeVCards(contacts));
    const section = options.getByRole('region', { name: 'Contacts' });
    const fileStall: number[] = [];
    const fileMs: number[] = [];
    try {
      await section.getByRole('radio', { name: 'Replace the address book' }).check();
      for (let r = 0; r < Math.max(1, Math.floor(repetitions / 2)); r++) {
        const start = performance.now();
        fileStall.push(
          await timeStall(options, async () => {
            await section.getByLabel('Import contacts (vCard or CSV)').setInputFiles(filePath);
            await section
              .getByRole('status')
              .filter({ hasText: `${count.toLocaleString('en')} imported` })
              .waitFor({ timeout: 120_000 });
          }),
        );
        fileMs.push(performance.now() - start);
      }
    } finally {
      rmSync(fileDir, { recursive: true, force: true });
    }
    figures.push(
      figure(`contacts: incoming INVITE at the PBX to the popup showing it, ${n} contacts (baseline: none)`, 'ms', withContacts, withNone),
      figure(
        `contacts: import ${n} contacts (vCard) through Settings' file input, file chosen to result shown (baseline: the text sent as a request)`,
        'ms',
        fileMs,
        importMs,
      ),
      figure(
        `contacts: longest stall of the thread Settings shares with the softphone while importing ${n} contacts from the file input (baseline: the text sent as a request)`,
        'ms',
        fileStall,
        importStall,
      ),
    );

    const saveToFound: number[] = [];
    const saveStall: number[] = [];
    for (let r = 0; r < repetitions; r++) {
      const start = performance.now();
      saveStall.push(
        await timeStall(options, async () => {
          const saved = await agent.command<{ ok: boolean }>('saveContact', {
            contact: { id: null, name: `Saved Now ${r}`, company: '', numbers: [{ label: 'work', value: `0470 55 00 ${String(r).padStart(2, '0')}` }] },
          });
          if (!saved.ok) throw new Error('the contact was not saved');
          // The save is answered once the index finds it: checked, not assumed.
          const found = await agent.command<{ contacts: unknown[] }>('searchContacts', { query: `saved now ${r}` });
          if (found.contacts.length !== 1) throw new Error('the saved contact is not found');
        }),
      );
      saveToFound.push(performance.now() - start);
    }
    // A call that rings while the index is built again: a contact saved just before the INVITE.
    const duringRebuild: number[] = [];
    for (let r = 0; r < repetitions; r++) {
      const saving = agent.command('saveContact', {
        contact: { id: null, name: `Saved Before ${r}`, company: '', numbers: [{ label: 'work', value: `0470 56 00 ${String(r).padStart(2, '0')}` }] },
      });
      duringRebuild.push(await inviteToPopup(count - 10 - r));
      await saving;
    }
    figures.push(
      figure(
        `contacts: incoming INVITE to the popup while the index of ${n} is built again after a save (baseline: ${n}, idle)`,
        'ms',
        duringRebuild,
        withContacts,
      ),
      figure(`contacts: one saved contact to it being found, ${n} contacts`, 'ms', saveToFound, null),
      figure(`contacts: longest stall of the softphone's thread while the index of ${n} is built again after one saved contact`, 'ms', saveStall, null),
    );
    await options.close();

    await popup.getByRole('tab', { name: 'Contacts' }).click();
    await popup.getByRole('searchbox', { name: 'Search contacts' }).waitFor();
    const searchIndex = new ContactIndex(
      [
        ...contacts,
        ...Array.from({ length: repetitions }, (_, r) => ({
          id: `s${r}`,
          name: `Saved Now ${r}`,
          company: '',
          numbers: [{ label: 'work' as const, value: `0470 55 00 ${String(r).padStart(2, '0')}` }],
          sourceId: 'local',
        })),
        ...Array.from({ length: repetitions }, (_, r) => ({
          id: `b${r}`,
          name: `Saved Before ${r}`,
          company: '',
          numbers: [{ label: 'work' as const, value: `0470 56 00 ${String(r).padStart(2, '0')}` }],
          sourceId: 'local',
        })),
      ],
      'BE',
    );
    const namesNow = (query: string): string =>
      searchIndex
        .search(query, 30)
        .contacts.map((c) => c.name)
        .join('|');
    const popupTimes: number[] = [];
    for (let r = 0; r < repetitions; r++) {
      for (const query of KEYSTROKES) {
        // Set the box's text as a keystroke would and time until the list shows that query's results.
        const ms = (await popup.evaluate(`(${KEYSTROKE_IN_PAGE})(${JSON.stringify({ query, expected: namesNow(query), cleared: namesNow('') })})`)) as number;
        popupTimes.push(ms);
      }
    }
    figures.push(figure(`contacts: keystroke to results in the popup, ${n} contacts`, 'ms', popupTimes, null));
  } finally {
    await agent.close();
    await pbx.stop();
  }
  return figures;
}
