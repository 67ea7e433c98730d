import type { Page } from 'playwright-core';
import { afterEach, describe, expect, test } from 'vitest';
import { axeViolations } from './harness/axe';
import { Agent } from './harness/browser';
import { TestRadicale, vcard } from './harness/radicale';
import { extensionWithLoopbackGranted } from './harness/testSite';

const USER = 'alice';
const PASSWORD = 'alice-password';
const BOOK = 'work';

interface Desk {
  server: TestRadicale;
  agent: Agent;
  options: Page;
}

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/**
 * A Radicale with one address book of `cards` cards, and a browser with the extension, access to
 * 127.0.0.1 already granted (headless Chromium cannot show the permission prompt; the settings page
 * still asks, and the grant answers at once).
 */
async function desk(cards: number): Promise<Desk> {
  const server = await TestRadicale.start({ users: { [USER]: PASSWORD } });
  cleanups.push(() => server.remove());
  await server.createAddressBook(USER, BOOK, 'Work');
  for (let i = 1; i <= cards; i++) await server.putCard(USER, BOOK, `c${i}`, vcard(`c${i}`, `Person ${i}`, `+3225550${100 + i}`));
  const extension = extensionWithLoopbackGranted();
  cleanups.push(async () => extension.remove());
  const agent = await Agent.launch({ extensionDir: extension.dir, microphone: false });
  cleanups.push(() => agent.close());
  return { server, agent, options: await agent.openOptions() };
}

function section(options: Page) {
  return options.getByRole('region', { name: 'CardDAV address books' });
}

function source(options: Page) {
  return section(options).getByRole('article', { name: `${USER} · 127.0.0.1` });
}

async function addSource(options: Page, url: string, password = PASSWORD): Promise<void> {
  const form = section(options).getByRole('form', { name: 'Add an address book' });
  await form.getByLabel('Server URL').fill(url);
  await form.getByLabel('Username').fill(USER);
  await form.getByLabel('Password or app password').fill(password);
  await form.getByRole('button', { name: 'Add address book' }).click();
}

/** The stored cards' vCard texts, as the contact index reads them from the service worker. */
async function storedCards(options: Page): Promise<string[]> {
  const answer = (await options.evaluate(() => chrome.runtime.sendMessage({ to: 'background', type: 'cardDavCards', payload: {} }))) as {
    cards: { vcard: string }[];
  };
  return answer.cards.map((c) => c.vcard);
}

async function syncNow(options: Page): Promise<void> {
  const button = source(options).getByRole('button', { name: 'Sync now' });
  await button.click();
  await expect.poll(() => source(options).getByRole('button', { name: 'Sync now' }).isEnabled()).toBe(true);
}

describe('CardDAV address books', () => {
  test('added from the bare server URL (discovery), the first sync shows the count; changes on the server arrive with Sync now and on the alarm, fetching only the changed cards', async () => {
    const { server, agent, options } = await desk(3);
    await addSource(options, server.url);
    await expect.poll(() => section(options).getByRole('status').textContent()).toBe('Address book added: 3 cards');
    await expect.poll(() => source(options).getByText('3 cards').count()).toBe(1);
    await expect
      .poll(() =>
        source(options)
          .getByText(/^Last synced: /)
          .count(),
      )
      .toBe(1);
    expect(server.requests.some((r) => r.method === 'PROPFIND' && r.path === '/.well-known/carddav')).toBe(true);
    expect((await storedCards(options)).sort()).toEqual(
      [1, 2, 3].map((i) => vcard(`c${i}`, `Person ${i}`, `+3225550${100 + i}`).replace(/\r\n/g, '\n')).sort(),
    );

    // One card added, one changed: the next sync fetches those two and nothing else.
    await server.putCard(USER, BOOK, 'c4', vcard('c4', 'Zoë Müller', '+3225551234'));
    await server.putCard(USER, BOOK, 'c2', vcard('c2', 'Person Two', '+3225550102'));
    let since = server.requests.length;
    await syncNow(options);
    await expect.poll(() => source(options).getByText('4 cards').count()).toBe(1);
    expect(server.fetchedCards(since).sort()).toEqual([`/${USER}/${BOOK}/c2.vcf`, `/${USER}/${BOOK}/c4.vcf`]);
    const cards = await storedCards(options);
    expect(cards.some((c) => c.includes('FN:Zoë Müller'))).toBe(true);
    expect(cards.some((c) => c.includes('FN:Person Two'))).toBe(true);
    // The contact index takes the address book's cards: the Contacts tab finds them, by name and by digits.
    const names = async (query: string): Promise<string[]> =>
      (await agent.command<{ contacts: { name: string }[] }>('searchContacts', { query })).contacts.map((c) => c.name);
    await expect.poll(() => names('zoë'), { timeout: 10_000 }).toEqual(['Zoë Müller']);
    await expect.poll(() => names('555 01 02')).toEqual(['Person Two']);
    const popup = await agent.openPopup();
    await popup.getByRole('tab', { name: 'Contacts' }).click();
    await popup.getByRole('searchbox', { name: 'Search contacts' }).fill('Müller');
    await expect.poll(() => popup.getByRole('list', { name: 'Contacts found' }).textContent()).toContain('Zoë Müller');

    // One change, then the periodic alarm fires: one card fetched.
    await server.putCard(USER, BOOK, 'c3', vcard('c3', 'Person Three', '+3225550103'));
    since = server.requests.length;
    const sw = await agent.serviceWorker();
    expect(await sw.evaluate(async () => (await chrome.alarms.get('carddav-sync'))?.periodInMinutes)).toBe(15);
    await sw.evaluate(() => chrome.alarms.create('carddav-sync', { when: Date.now() + 50 }));
    await expect.poll(async () => (await storedCards(options)).some((c) => c.includes('FN:Person Three')), { timeout: 15_000 }).toBe(true);
    expect(server.fetchedCards(since)).toEqual([`/${USER}/${BOOK}/c3.vcf`]);
    // The periodic alarm is back after the one-off run.
    await expect.poll(() => sw.evaluate(async () => (await chrome.alarms.get('carddav-sync'))?.periodInMinutes)).toBe(15);

    // A deletion on the server removes the card here.
    await server.deleteCard(USER, BOOK, 'c1');
    await syncNow(options);
    await expect.poll(() => source(options).getByText('3 cards').count()).toBe(1);
    await expect
      .poll(async () => (await agent.command<{ contacts: { name: string }[] }>('searchContacts', { query: 'Person 1' })).contacts.map((c) => c.name))
      .toEqual([]);

    // Cards live in the extension's IndexedDB, never in storage.local.
    expect(JSON.stringify(await sw.evaluate(() => chrome.storage.local.get(null)))).not.toContain('BEGIN:VCARD');
    expect(JSON.stringify(await sw.evaluate(() => chrome.storage.local.get(null)))).not.toContain(PASSWORD);
  });

  test('a wrong password: refused when adding (nothing stored), and a password changed on the server shows 401 and keeps the last good copy', async () => {
    const { server, options } = await desk(2);
    await addSource(options, server.url, 'not-the-password');
    await expect.poll(() => section(options).getByRole('alert').textContent()).toBe('Wrong username or password: the server refused them (401)');
    expect(await section(options).getByRole('article').count()).toBe(0);

    await addSource(options, server.url);
    await expect.poll(() => source(options).getByText('2 cards').count()).toBe(1);
    server.setPassword(USER, 'changed-on-the-server');
    await server.putCard(USER, BOOK, 'c3', vcard('c3', 'Person 3', '+3225550103'));
    await syncNow(options);
    await expect
      .poll(() => source(options).getByRole('alert').textContent())
      .toBe('Wrong username or password: the server refused them (401) The cards of the last successful sync are kept.');
    expect(await source(options).getByText('2 cards').count()).toBe(1);
    expect(await storedCards(options)).toHaveLength(2);
    // The section with a source, its error and the form passes the accessibility checks.
    expect(await axeViolations(options, { include: ['section[aria-labelledby="carddav-heading"]'] })).toEqual([]);

    // Once the server takes the password again, the next sync clears the error.
    server.setPassword(USER, PASSWORD);
    await syncNow(options);
    await expect.poll(() => source(options).getByText('3 cards').count()).toBe(1);
    expect(await source(options).getByRole('alert').count()).toBe(0);
  });

  test('a server that is stopped shows as unreachable, and the last good copy is kept, also across a browser restart', async () => {
    const { server, agent, options } = await desk(2);
    await addSource(options, server.url);
    await expect.poll(() => source(options).getByText('2 cards').count()).toBe(1);
    await server.stop();
    await syncNow(options);
    await expect
      .poll(() => source(options).getByRole('alert').textContent())
      .toBe(
        `Cannot reach ${server.origin} (server down, wrong address, or its TLS certificate is not trusted) The cards of the last successful sync are kept.`,
      );
    expect(await source(options).getByText('2 cards').count()).toBe(1);
    expect(await storedCards(options)).toHaveLength(2);

    await agent.restart();
    const again = await agent.openOptions();
    await expect.poll(() => source(again).getByText('2 cards').count()).toBe(1);
    expect(await source(again).getByRole('alert').textContent()).toContain(`Cannot reach ${server.origin}`);
    expect(await storedCards(again)).toHaveLength(2);
  });

  test('a server answering garbage shows what is wrong, and the last good copy is kept', async () => {
    const { server, options } = await desk(2);
    await addSource(options, server.url);
    await expect.poll(() => source(options).getByText('2 cards').count()).toBe(1);
    server.misbehave = { status: 207, body: '<html><body>Maintenance</body></html>' };
    await syncNow(options);
    await expect
      .poll(() => source(options).getByRole('alert').textContent())
      .toBe("The server's answer is not a CardDAV answer (a <html> where a DAV multistatus was expected) The cards of the last successful sync are kept.");
    server.misbehave = { status: 207, body: '<d:multistatus xmlns:d="DAV:"><d:response><d:href>/alice/work/x.vcf' };
    await syncNow(options);
    await expect
      .poll(() => source(options).getByRole('alert').textContent())
      .toMatch(/^The server's answer is not a CardDAV answer \(.+\) The cards of the last successful sync are kept\.$/);
    expect(await source(options).getByText('2 cards').count()).toBe(1);
    expect(await storedCards(options)).toHaveLength(2);
    server.misbehave = null;
    await syncNow(options);
    await expect.poll(() => source(options).getByRole('alert').count()).toBe(0);
  });

  test('a bad URL and the same source twice are refused in the form; Remove forgets the source and its cards', async () => {
    const { server, options } = await desk(1);
    await addSource(options, 'cloud.example.com');
    await expect.poll(() => section(options).getByText("Enter the server's address, e.g. https://cloud.example.com").count()).toBe(1);
    expect(await section(options).getByLabel('Server URL').getAttribute('aria-invalid')).toBe('true');

    await addSource(options, server.url);
    await expect.poll(() => source(options).getByText('1 card', { exact: true }).count()).toBe(1);
    // The same server and user again would list every card twice.
    await addSource(options, server.url);
    await expect.poll(() => section(options).getByText('This address book is already added for this user').count()).toBe(1);
    expect(await section(options).getByRole('article').count()).toBe(1);
    await source(options)
      .getByRole('button', { name: `Remove ${USER} · 127.0.0.1` })
      .click();
    await expect.poll(() => section(options).getByRole('article').count()).toBe(0);
    expect(await storedCards(options)).toEqual([]);
  });
});
