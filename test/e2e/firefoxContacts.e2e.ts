import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ElementHandle } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { TestPbx } from '../pbx/pbx';
import { callFromTrunk } from '../pbx/trunk';
import { FirefoxAgent } from './harness/firefox';

// The Firefox build, where the background page holds the contacts in its IndexedDB and names callers.

let pbx: TestPbx;
let firefox: FirefoxAgent;

beforeAll(async () => {
  pbx = await TestPbx.start();
  firefox = await FirefoxAgent.launch();
});
afterAll(async () => {
  await firefox?.close();
  await pbx?.stop();
});

const VCARD = [
  'BEGIN:VCARD',
  'VERSION:3.0',
  'FN:Zoë Müller',
  'ORG:ACME',
  'TEL;TYPE=WORK:02 555 12 34',
  'END:VCARD',
  'BEGIN:VCARD',
  'VERSION:3.0',
  'NOTE:x',
  'END:VCARD',
  '',
].join('\r\n');

describe('Firefox contacts', () => {
  test('a vCard imported in Settings names a carrier caller in the popup, and no contact is in storage.local', async () => {
    const user = pbx.users.find((u) => u.username === '101')!;
    await firefox.request('saveAccount', { account: { username: '101', password: user.password, domain: pbx.domain, websocketUrl: pbx.wsUrl } });
    await firefox.evaluate(`browser.storage.local.set({ callerId: { homeCountry: 'BE' } })`);
    await firefox.waitForSnapshot((s) => s.registration.state === 'registered', 'registration');

    await firefox.show('extension/options.html');
    const input = (await firefox.page.waitForSelector('#contacts-file')) as ElementHandle<HTMLInputElement>;
    const path = join(tmpdir(), `voip-firefox-contacts-${Date.now()}.vcf`);
    writeFileSync(path, VCARD);
    await input.uploadFile(path);
    const status = await firefox.page.waitForSelector('section[aria-labelledby="contacts-heading"] [role=status]', { timeout: 15_000 });
    expect(await status?.evaluate((e) => e.textContent)).toBe('1 imported, 1 skipped (line 7: no name or number)');
    expect(await firefox.evaluate<string>('browser.storage.local.get(null).then(JSON.stringify)')).not.toContain('Müller');

    await firefox.show('extension/popup.html');
    const calling = callFromTrunk(pbx, '101', 1, 4000, { from: '+3225551234' });
    const name = await firefox.page.waitForFunction(`document.querySelector('section.call-incoming .remote-name')?.textContent === 'Zoë Müller'`, {
      timeout: 15_000,
    });
    expect(name).toBeTruthy();
    expect(await firefox.evaluate<string>(`document.querySelector('section.call-incoming .remote-number').textContent`)).toBe('ACME · +3225551234');
    await calling;
  }, 90_000);
});
