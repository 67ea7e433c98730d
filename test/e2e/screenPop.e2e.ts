import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { callFromTrunk } from '../pbx/trunk';
import type { Agent } from './harness/browser';
import { usePbx } from './harness/phone';
import { TestRadicale, vcard } from './harness/radicale';
import { extensionWithLoopbackGranted } from './harness/testSite';

const env = usePbx();

/** A CRM's record pages on loopback: every path answers 200, and each one asked is noted. */
class RecordSite {
  readonly asked: string[] = [];
  private server!: Server;
  origin = '';

  async start(): Promise<void> {
    this.server = createServer((req, res) => {
      this.asked.push(req.url ?? '');
      // Also a CRM lookup: one caller it knows, with a record of its own.
      if (req.url?.startsWith('/lookup')) {
        const number = new URL(req.url, 'http://x').searchParams.get('number');
        if (number === '+3225551111')
          res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ name: 'Eva Lind', url: `${this.origin}/crm/1` }));
        else res.writeHead(404).end();
        return;
      }
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end('<title>Record</title><h1>Record</h1>');
    });
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.origin = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  stop(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

const site = new RecordSite();
beforeAll(() => site.start());
afterAll(() => site.stop());

function screenPopSection(options: Page) {
  return options.getByRole('region', { name: 'Screen-pop' });
}

async function saveTemplate(options: Page, template: string): Promise<void> {
  const section = screenPopSection(options);
  await section.getByRole('textbox', { name: 'Record URL template' }).fill(template);
  await section.getByRole('button', { name: 'Save record URL' }).click();
}

const tabsAt = (agent: Agent, url: string) => agent.context.pages().filter((p) => p.url() === url).length;

describe('Screen-pop with the record URL template', () => {
  test('a local contact’s record opens from the global template when the call rings, its site needs no access; an unknown caller opens nothing until the box is ticked', async () => {
    const alice = await env.desks.registered('101');
    await (await alice.serviceWorker()).evaluate(() => chrome.storage.local.set({ callerId: { homeCountry: 'BE' } }));
    await alice.command('saveContact', { contact: { id: null, name: 'Eva Lind', company: 'Contoso', numbers: [{ label: 'work', value: '02 555 11 11' }] } });
    const options = await alice.openOptions();
    const section = screenPopSection(options);

    // A placeholder in the site's address could send the agent anywhere: refused, with the reason.
    await saveTemplate(options, 'https://{name}.example.com/');
    await expect
      .poll(() => section.getByRole('alert').textContent())
      .toBe("Placeholders may only come after the site's address, in its path or query, e.g. https://crm.example.com/contacts/{uid}");
    await saveTemplate(options, `${site.origin}/contacts?search={e164}&raw={number}`);
    await expect.poll(() => section.getByRole('status').textContent()).toBe('Record URL saved');
    await section.getByRole('combobox', { name: "Open the caller's record from the CRM" }).selectOption({ label: 'When the call rings' });
    await expect
      .poll(() => alice.serviceWorker().then((sw) => sw.evaluate(() => chrome.storage.local.get('screenPopSettings'))))
      .toEqual({ screenPopSettings: { mode: 'ring', recordUrlTemplate: `${site.origin}/contacts?search={e164}&raw={number}`, unknownCallers: false } });
    // The record is only opened in a tab: the extension has no access to its site, and needs none.
    expect(await options.evaluate((origin) => chrome.permissions.contains({ origins: [`${origin}/*`] }), site.origin)).toBe(false);

    const popup = await alice.openPopup();
    const ringing = popup.getByRole('region', { name: 'Incoming call' });
    const known = `${site.origin}/contacts?search=%2B3225551111&raw=%2B3225551111`;
    let calling = callFromTrunk(env.pbx, '101', 1, 3000, { from: '+3225551111' });
    await expect.poll(() => ringing.locator('.remote-name').textContent(), { timeout: 10_000 }).toBe('Eva Lind');
    await expect.poll(() => tabsAt(alice, known)).toBe(1);
    await ringing.getByRole('button', { name: 'Open record' }).click();
    await expect.poll(() => tabsAt(alice, known)).toBe(2);
    await calling;
    expect(tabsAt(alice, known)).toBe(2);
    await alice.waitForSnapshot((s) => s.calls.length === 0, 'the first call over');

    // Nobody knows +32 2 555 99 99: no record opens and there is no button, unless the box is ticked.
    const unknown = `${site.origin}/contacts?search=%2B3225559999&raw=%2B3225559999`;
    calling = callFromTrunk(env.pbx, '101', 1, 2500, { from: '+3225559999' });
    await alice.waitForSnapshot((s) => s.calls[0]?.state === 'incoming', 'an unknown caller ringing');
    await expect.poll(() => ringing.locator('.remote-name').textContent()).toBe('Carrier caller');
    expect(await ringing.getByRole('button', { name: 'Open record' }).count()).toBe(0);
    await calling;
    await alice.waitForSnapshot((s) => s.calls.length === 0, 'the unknown call over');
    expect(site.asked.filter((url) => url.includes('9999'))).toEqual([]);

    await section.getByRole('checkbox', { name: 'Also open it for callers no contact source knows (only the number is filled in)' }).check();
    await expect
      .poll(() => alice.serviceWorker().then((sw) => sw.evaluate(() => chrome.storage.local.get('screenPopSettings'))))
      .toMatchObject({ screenPopSettings: { unknownCallers: true } });
    calling = callFromTrunk(env.pbx, '101', 1, 3000, { from: '+3225559999' });
    await expect.poll(() => tabsAt(alice, unknown), { timeout: 10_000 }).toBe(1);
    await expect.poll(() => ringing.getByRole('button', { name: 'Open record' }).count()).toBe(1);
    await calling;
    expect(tabsAt(alice, unknown)).toBe(1);
  });

  test('a CardDAV contact’s record opens from its address book’s own template, with the card’s UID', async () => {
    const radicale = await TestRadicale.start({ users: { alice: 'alice-password' } });
    const extension = extensionWithLoopbackGranted();
    try {
      await radicale.createAddressBook('alice', 'work', 'Work');
      await radicale.putCard('alice', 'work', 'c1', vcard('card-7f3a@example.com', 'Oskar Berg', '+3225554444'));
      const alice = await env.desks.registered('101', {}, { extensionDir: extension.dir });
      await (await alice.serviceWorker()).evaluate(() => chrome.storage.local.set({ callerId: { homeCountry: 'BE' } }));
      const options = await alice.openOptions();
      await saveTemplate(options, `${site.origin}/global?search={e164}`);
      await expect.poll(() => screenPopSection(options).getByRole('status').textContent()).toBe('Record URL saved');
      await screenPopSection(options).getByRole('combobox', { name: "Open the caller's record from the CRM" }).selectOption({ label: 'When the call rings' });

      const cardDav = options.getByRole('region', { name: 'CardDAV address books' });
      const form = cardDav.getByRole('form', { name: 'Add an address book' });
      await form.getByLabel('Server URL').fill(radicale.url);
      await form.getByLabel('Username').fill('alice');
      await form.getByLabel('Password or app password').fill('alice-password');
      await form.getByRole('button', { name: 'Add address book' }).click();
      await expect.poll(() => cardDav.getByRole('status').textContent(), { timeout: 15_000 }).toBe('Address book added: 1 card');
      const source = cardDav.getByRole('article', { name: 'alice · 127.0.0.1' });
      await source.getByRole('textbox', { name: 'Record URL template for this address book' }).fill('https://dav.example.com/{e164');
      await source.getByRole('button', { name: 'Save record URL: alice · 127.0.0.1' }).click();
      await expect.poll(() => source.getByText('The record URL needs a placeholder where the caller goes: {e164}, {number}, {name} or {uid}').count()).toBe(1);
      await source.getByRole('textbox', { name: 'Record URL template for this address book' }).fill(`${site.origin}/cards/{uid}`);
      await source.getByRole('button', { name: 'Save record URL: alice · 127.0.0.1' }).click();
      await expect.poll(() => source.getByRole('status').textContent()).toBe('Record URL saved');

      const popup = await alice.openPopup();
      const record = `${site.origin}/cards/card-7f3a%40example%2Ecom`;
      const calling = callFromTrunk(env.pbx, '101', 1, 3000, { from: '+3225554444' });
      const ringing = popup.getByRole('region', { name: 'Incoming call' });
      await expect.poll(() => ringing.locator('.remote-name').textContent(), { timeout: 10_000 }).toBe('Oskar Berg');
      await expect.poll(() => tabsAt(alice, record)).toBe(1);
      expect(site.asked.some((url) => url.startsWith('/global'))).toBe(false);
      await calling;
    } finally {
      extension.remove();
      await radicale.remove();
    }
  });

  test('with a CRM lookup, an unknown caller’s template waits for its answer: a caller the CRM knows opens the CRM’s own record only', async () => {
    const extension = extensionWithLoopbackGranted();
    try {
      const alice = await env.desks.registered('101', {}, { extensionDir: extension.dir });
      await (await alice.serviceWorker()).evaluate(() => chrome.storage.local.set({ callerId: { homeCountry: 'BE' } }));
      const options = await alice.openOptions();
      const crm = options.getByRole('region', { name: 'CRM lookup' });
      await crm.getByRole('textbox', { name: 'Lookup URL' }).fill(`${site.origin}/lookup?number={e164}`);
      await crm.getByRole('button', { name: 'Save lookup URL' }).click();
      await expect.poll(() => crm.getByRole('status').textContent()).toBe('Lookup URL saved');
      await saveTemplate(options, `${site.origin}/contacts?search={e164}`);
      await expect.poll(() => screenPopSection(options).getByRole('status').textContent()).toBe('Record URL saved');
      const section = screenPopSection(options);
      await section.getByRole('combobox', { name: "Open the caller's record from the CRM" }).selectOption({ label: 'When the call rings' });
      await section.getByRole('checkbox', { name: 'Also open it for callers no contact source knows (only the number is filled in)' }).check();
      await expect
        .poll(() => alice.serviceWorker().then((sw) => sw.evaluate(() => chrome.storage.local.get('screenPopSettings'))))
        .toMatchObject({ screenPopSettings: { mode: 'ring', unknownCallers: true } });

      const crmRecord = `${site.origin}/crm/1`;
      let calling = callFromTrunk(env.pbx, '101', 1, 3000, { from: '+3225551111' });
      await expect.poll(() => tabsAt(alice, crmRecord), { timeout: 10_000 }).toBe(1);
      await calling;
      expect(tabsAt(alice, `${site.origin}/contacts?search=%2B3225551111`)).toBe(0);
      await alice.waitForSnapshot((s) => s.calls.length === 0, 'the CRM caller’s call over');

      const unknown = `${site.origin}/contacts?search=%2B3225559999`;
      calling = callFromTrunk(env.pbx, '101', 1, 4000, { from: '+3225559999' });
      await alice.waitForSnapshot((s) => s.calls[0]?.state === 'incoming', 'an unknown caller ringing');
      const rangAt = Date.now();
      await expect.poll(() => tabsAt(alice, unknown), { timeout: 10_000 }).toBe(1);
      // Not before the lookup's time-out (1.5 s from the INVITE), soon after it.
      expect(Date.now() - rangAt).toBeGreaterThan(1000);
      await calling;
      expect(tabsAt(alice, unknown)).toBe(1);
    } finally {
      extension.remove();
    }
  });
});
