import type { ElementHandle } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { TestPbx } from '../pbx/pbx';
import { callFromTrunk } from '../pbx/trunk';
import { FirefoxAgent } from './harness/firefox';
import { TestRadicale, vcard } from './harness/radicale';

// A CardDAV address book added in Firefox's Settings: the background page syncs it and names callers from it.

const USER = 'alice';
const PASSWORD = 'alice-password';

let pbx: TestPbx;
let radicale: TestRadicale;
let firefox: FirefoxAgent;

beforeAll(async () => {
  pbx = await TestPbx.start();
  radicale = await TestRadicale.start({ users: { [USER]: PASSWORD } });
  await radicale.createAddressBook(USER, 'work', 'Work');
  await radicale.putCard(USER, 'work', 'ingrid', vcard('ingrid', 'Ingrid Kortekaas', '+32 2 555 01 77'));
  await radicale.putCard(USER, 'work', 'sven', vcard('sven', 'Sven Lindqvist', '+46 8 555 012 34'));
  // Access to the server granted as if the agent had accepted Firefox's prompt, which a test cannot
  // answer; the settings page still asks for it, and the grant answers at once. Both patterns: the
  // page asks for the one with the port, and Firefox ESR lets fetch() through on the one without.
  firefox = await FirefoxAgent.launch({ grantLoopback: true, grantOrigins: [`http://127.0.0.1:${radicale.port}/*`] });
});
afterAll(async () => {
  await firefox?.close();
  await radicale?.remove();
  await pbx?.stop();
});

const text = (selector: string): Promise<string | null> =>
  firefox.evaluate<string | null>(`document.querySelector(${JSON.stringify(selector)})?.textContent ?? null`);

async function typeInto(selector: string, value: string): Promise<void> {
  const input = (await firefox.page.waitForSelector(selector)) as ElementHandle<HTMLInputElement>;
  await input.type(value);
}

describe('Firefox CardDAV', () => {
  test('an address book added in Settings from the bare server URL syncs its cards, and a card names a carrier caller in the popup', async () => {
    const user = pbx.users.find((u) => u.username === '101')!;
    await firefox.request('saveAccount', { account: { username: '101', password: user.password, domain: pbx.domain, websocketUrl: pbx.wsUrl } });
    await firefox.evaluate(`browser.storage.local.set({ callerId: { homeCountry: 'BE' } })`);
    await firefox.waitForSnapshot((s) => s.registration.state === 'registered', 'registration');

    await firefox.show('extension/options.html');
    await typeInto('#carddav-url', radicale.url);
    await typeInto('#carddav-username', USER);
    await typeInto('#carddav-password', PASSWORD);
    // A real click: the permission request needs the agent's gesture.
    await firefox.page.click('form[aria-label="Add an address book"] button[type=submit]');
    const status = 'section[aria-labelledby="carddav-heading"] > [role=status], section[aria-labelledby="carddav-heading"] > [role=alert]';
    await expect.poll(() => text(status), { timeout: 30_000 }).toBe('Address book added: 2 cards');
    await expect.poll(() => text('.carddav-source h3')).toMatch(new RegExp(`^${USER} · 127.0.0.1`));
    expect(await firefox.evaluate<string>('browser.storage.local.get(null).then(JSON.stringify)')).not.toContain('Kortekaas');

    // The card reaches the background page's contact index.
    await expect
      .poll(async () => (await firefox.request<{ contacts: { name: string }[] }>('searchContacts', { query: 'ingrid' })).contacts.map((c) => c.name), {
        timeout: 10_000,
      })
      .toEqual(['Ingrid Kortekaas']);

    await firefox.show('extension/popup.html');
    const calling = callFromTrunk(pbx, '101', 1, 4000, { from: '+3225550177' });
    const named = await firefox.page.waitForFunction(`document.querySelector('section.call-incoming .remote-name')?.textContent === 'Ingrid Kortekaas'`, {
      timeout: 15_000,
    });
    expect(named).toBeTruthy();
    await calling;
  }, 120_000);
});
