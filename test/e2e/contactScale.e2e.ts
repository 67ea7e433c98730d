import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { callFromTrunk } from '../pbx/trunk';
import type { Agent } from './harness/browser';
import { usePbx } from './harness/phone';

const env = usePbx();

/** `count` vCards of people at ACME, the i-th reachable at +32 2 5XX XX XX from `first`. */
function vCards(count: number, first = 0, who = 'Person'): string {
  const cards: string[] = [];
  for (let i = first; i < first + count; i++) {
    const digits = String(5_000_000 + i);
    cards.push(
      `BEGIN:VCARD\r\nVERSION:3.0\r\nFN:${who} ${i}\r\nORG:ACME\r\nTEL;TYPE=WORK:+32 2 ${digits.slice(0, 3)} ${digits.slice(3, 5)} ${digits.slice(5)}\r\nEND:VCARD\r\n`,
    );
  }
  return cards.join('');
}

const e164 = (i: number): string => `+322${5_000_000 + i}`;

async function importText(agent: Agent, text: string, mode: 'merge' | 'replace'): Promise<{ ok: boolean; imported?: number }> {
  return agent.command('importContacts', { text, mode });
}

describe('contacts at scale', () => {
  test('a call rings while the index of 50,000 contacts is built again, named from the old index, then from the new one', async () => {
    const alice = await env.desks.registered('101');
    await (await alice.serviceWorker()).evaluate(() => chrome.storage.local.set({ callerId: { homeCountry: 'BE' } }));
    expect(await importText(alice, vCards(50_000), 'replace')).toMatchObject({ ok: true, imported: 50_000 });
    const popup = await alice.openPopup();
    const ringing = popup.getByRole('region', { name: 'Incoming call' });

    // Importing 50,000 more rebuilds the index of 100,000; a known caller rings meanwhile.
    const importing = importText(alice, vCards(50_000, 50_000), 'merge');
    const calling = callFromTrunk(env.pbx, '101', 1, 3000, { from: e164(49_999), callerName: 'Carrier caller' });
    await expect.poll(() => ringing.locator('.remote-name').textContent(), { timeout: 15_000 }).toBe('Person 49999');
    await calling;
    expect(await importing).toMatchObject({ ok: true, imported: 50_000 });
    await alice.waitForSnapshot((s) => s.calls.length === 0, 'the caller gave up');

    // One saved contact rebuilds the index of 100,000; its own number rings before it is found.
    const saving = alice.command('saveContact', {
      contact: { id: null, name: 'Newly Saved', company: 'Globex', numbers: [{ label: 'mobile', value: '0470 99 88 77' }] },
    });
    const secondCall = callFromTrunk(env.pbx, '101', 1, 6000, { from: '+32470998877', callerName: 'Carrier caller' });
    await expect.poll(() => ringing.isVisible(), { timeout: 15_000 }).toBe(true);
    await expect.poll(() => ringing.locator('.remote-name').textContent(), { timeout: 15_000 }).toBe('Newly Saved');
    expect(await ringing.locator('.remote-number').textContent()).toBe('Globex · +32470998877');
    expect(await saving).toMatchObject({ ok: true });
    await secondCall;
    expect((await alice.command<{ total: number }>('searchContacts', { query: '' })).total).toBe(100_001);
  }, 120_000);

  test('100,000 contacts imported through Settings with a progress bar that advances; the Contacts tab finds the last one', async () => {
    const alice = await env.desks.registered('101');
    await (await alice.serviceWorker()).evaluate(() => chrome.storage.local.set({ callerId: { homeCountry: 'BE' } }));
    const broken = 'BEGIN:VCARD\r\nVERSION:3.0\r\nNOTE:no name, no number\r\nEND:VCARD\r\n';
    const text = vCards(60_000) + broken + vCards(40_000, 60_000);
    const path = join(tmpdir(), `voip-contacts-100k-${Date.now()}.vcf`);
    writeFileSync(path, text);
    // The broken card starts on line 6 × 60,000 + 1.
    const brokenLine = 60_000 * 6 + 1;

    const options = await alice.openOptions();
    const section = options.getByRole('region', { name: 'Contacts' });
    // Every value the bar shows, as it shows it.
    await options.evaluate(() => {
      const seen: string[] = [];
      Object.assign(globalThis, { progressSeen: seen });
      new MutationObserver(() => {
        const bar = document.querySelector('[role=progressbar]');
        const now = bar?.getAttribute('aria-valuenow');
        if (now && seen.at(-1) !== now) seen.push(now);
      }).observe(document.body, { subtree: true, childList: true, attributes: true });
    });
    const startedAt = Date.now();
    await section.getByLabel('Import contacts (vCard or CSV)').setInputFiles(path);
    const bar = section.getByRole('progressbar', { name: 'Importing contacts' });
    await expect.poll(() => bar.count()).toBe(1);
    const outcome = section.getByRole('status');
    await expect.poll(() => outcome.textContent(), { timeout: 50_000 }).toBe(`100,000 imported, 1 skipped (line ${brokenLine}: no name or number)`);
    console.log(`100,000 contacts imported through Settings in ${Date.now() - startedAt} ms`);
    const seen = await options.evaluate(() => (globalThis as unknown as { progressSeen: string[] }).progressSeen);
    expect(new Set(seen).size).toBeGreaterThanOrEqual(2);
    expect(seen.map(Number)).toEqual([...seen.map(Number)].sort((a, b) => a - b));
    expect(Number(seen.at(-1))).toBeLessThanOrEqual(100_001);
    expect(await bar.count()).toBe(0);

    const popup = await alice.openPopup();
    await popup.getByRole('tab', { name: 'Contacts' }).click();
    await popup.getByRole('searchbox', { name: 'Search contacts' }).fill('person 99999');
    const results = popup.getByRole('list', { name: 'Contacts found' });
    await expect.poll(() => results.locator('.contact-name').allTextContents()).toEqual(['Person 99999']);
    await popup.getByRole('searchbox', { name: 'Search contacts' }).fill('02 509 99 99');
    await expect.poll(() => results.locator('.contact-name').allTextContents()).toEqual(['Person 99999']);

    // Stored in records of a few thousand: the whole book is read back after a browser restart.
    await alice.restart();
    await expect.poll(async () => (await alice.command<{ total: number }>('searchContacts', { query: '' })).total, { timeout: 30_000 }).toBe(100_000);
    const last = await alice.command<{ contacts: { name: string }[] }>('searchContacts', { query: 'person 99999' });
    expect(last.contacts.map((c) => c.name)).toEqual(['Person 99999']);
  }, 120_000);
});
