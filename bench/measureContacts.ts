import type { Contact } from '../src/contacts/contact';
import { ContactIndex } from '../src/contacts/contactIndex';
import { writeVCards } from '../src/contacts/vcardWriter';
import { Agent } from '../test/e2e/harness/browser';
import { type BenchFigure, figure } from './figure';

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
 * Searching 50,000 contacts: the index's search per keystroke beside a naive filter over the same
 * contacts, in Node; then keystroke to results in the real popup (Chromium), the query travelling
 * to the softphone's document and the results back and drawn.
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
  const figures = [
    figure(`contacts: search ${count.toLocaleString('en')} contacts per keystroke (index vs naive filter)`, 'ms', ours, naive),
    figure(`contacts: build the index of ${count.toLocaleString('en')} contacts`, 'ms', [buildMs], null),
  ];

  const names = (query: string): string =>
    index
      .search(query, 30)
      .contacts.map((c) => c.name)
      .join('|');
  const agent = await Agent.launch();
  try {
    const imported = await agent.command<{ ok: boolean; imported?: number }>('importContacts', { text: writeVCards(contacts), mode: 'replace' });
    if (!imported.ok) throw new Error('the bench contacts were not imported');
    log(`${imported.imported} contacts imported`);
    const popup = await agent.openPopup();
    await popup.getByRole('tab', { name: 'Contacts' }).click();
    await popup.getByRole('searchbox', { name: 'Search contacts' }).waitFor();
    const popupTimes: number[] = [];
    for (let r = 0; r < repetitions; r++) {
      for (const query of KEYSTROKES) {
        // Set the box's text as a keystroke would and time until the list shows that query's results.
        const ms = (await popup.evaluate(`(${KEYSTROKE_IN_PAGE})(${JSON.stringify({ query, expected: names(query), cleared: names('') })})`)) as number;
        popupTimes.push(ms);
      }
    }
    figures.push(figure(`contacts: keystroke to results in the popup, ${count.toLocaleString('en')} contacts`, 'ms', popupTimes, null));
  } finally {
    await agent.close();
  }
  return figures;
}
