import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { callFromTrunk } from '../pbx/trunk';
import type { Agent } from './harness/browser';
import { connect, usePbx } from './harness/phone';

const env = usePbx();

const card = (...lines: string[]): string => ['BEGIN:VCARD', 'VERSION:3.0', ...lines, 'END:VCARD', ''].join('\r\n');

/** The agents' address book: two colleagues, a customer, and a card without a name or number. */
const BOOK = [
  card('FN:Zoë Müller', 'ORG:ACME', 'TEL;TYPE=WORK,VOICE:+32 2 555 12 34', 'TEL;TYPE=CELL:0470 12 34 56'),
  card('FN:Bob Desk', 'TEL;TYPE=WORK:102'),
  card('NOTE:nothing to call'),
  card('FN:Carol Desk', 'ORG:Support', 'TEL;TYPE=WORK:103'),
].join('');

function file(name: string, text: string): string {
  const path = join(tmpdir(), `voip-contacts-${Date.now()}-${name}`);
  writeFileSync(path, text);
  return path;
}

const contactsSection = (options: Page) => options.getByRole('region', { name: 'Contacts' });

async function importContacts(agent: Agent, path: string, mode: 'merge' | 'replace' = 'merge'): Promise<string> {
  const options = await agent.openOptions();
  const section = contactsSection(options);
  if (mode === 'replace') await section.getByRole('radio', { name: 'Replace the address book' }).check();
  await section.getByLabel('Import contacts (vCard or CSV)').setInputFiles(path);
  const outcome = section.locator('[role=status], [role=alert]');
  await expect.poll(() => outcome.count(), { timeout: 15_000 }).toBe(1);
  const text = (await outcome.textContent()) ?? '';
  await options.close();
  return text;
}

describe('contacts', () => {
  test('an imported vCard says what it skipped, and the Contacts tab finds a contact by name, company or digits and calls its number', async () => {
    const alice = await env.desks.registered('101');
    const bob = await env.desks.registered('102');
    await (await alice.serviceWorker()).evaluate(() => chrome.storage.local.set({ callerId: { homeCountry: 'BE' } }));
    expect(await importContacts(alice, file('book.vcf', BOOK))).toBe('3 imported, 1 skipped (line 13: no name or number)');

    const popup = await alice.openPopup();
    await popup.getByRole('tab', { name: 'Contacts' }).click();
    const search = popup.getByRole('searchbox', { name: 'Search contacts' });
    const results = popup.getByRole('list', { name: 'Contacts found' });
    const names = () => results.locator('.contact-name').allTextContents();
    await expect.poll(names).toEqual(['Bob Desk', 'Carol Desk', 'Zoë Müller']);
    await search.fill('zoe mul');
    await expect.poll(names).toEqual(['Zoë Müller']);
    expect(await results.textContent()).toContain('ACME');
    await search.fill('support');
    await expect.poll(names).toEqual(['Carol Desk']);
    await search.fill('0032 2 555 12');
    await expect.poll(names).toEqual(['Zoë Müller']);
    await expect.poll(() => results.getByRole('button', { name: 'Call Zoë Müller, mobile 0470 12 34 56' }).count()).toBe(1);
    await search.fill('nobody');
    await expect.poll(() => popup.getByText('No contact matches').isVisible()).toBe(true);

    await search.fill('bob');
    await results.getByRole('button', { name: 'Call Bob Desk, work 102' }).click();
    await bob.waitForSnapshot((s) => s.calls[0]?.state === 'incoming' && s.calls[0].remoteNumber === '101', 'bob rings');
    // The outgoing call is named after the contact too.
    await expect.poll(() => popup.getByRole('region', { name: 'Current call' }).locator('.remote-name').textContent()).toBe('Bob Desk');
  });

  test("a carrier call from a contact's number shows the contact in the ringing popup, the notification and Recent, renamed there when the contact changes", async () => {
    const alice = await env.desks.registered('101');
    const sw = await alice.serviceWorker();
    await sw.evaluate(() => chrome.storage.local.set({ callerId: { homeCountry: 'BE' } }));
    await importContacts(alice, file('book.vcf', BOOK));
    // The notification is shown for real; this keeps a copy of what it said.
    await sw.evaluate(() => {
      const create = chrome.notifications.create.bind(chrome.notifications) as (
        id: string,
        options: chrome.notifications.NotificationOptions,
      ) => Promise<string>;
      const shown: chrome.notifications.NotificationOptions[] = [];
      Object.assign(globalThis, { shownNotifications: shown });
      (chrome.notifications as { create: unknown }).create = (id: string, options: chrome.notifications.NotificationOptions) => (
        shown.push(options), create(id, options)
      );
    });
    const popup = await alice.openPopup();

    const calling = callFromTrunk(env.pbx, '101', 1, 4000, { from: '+3225551234', callerName: 'Carrier caller' });
    const ringing = popup.getByRole('region', { name: 'Incoming call' });
    await expect.poll(() => ringing.locator('.remote-name').textContent(), { timeout: 10_000 }).toBe('Zoë Müller');
    expect(await ringing.locator('.remote-number').textContent()).toBe('ACME · +3225551234');
    await expect
      .poll(() => sw.evaluate(() => (globalThis as unknown as { shownNotifications: { title: string }[] }).shownNotifications.map((n) => n.title)))
      .toEqual(['Zoë Müller · ACME · +32 2 555 12 34']);
    await calling;

    await alice.waitForSnapshot((s) => s.calls.length === 0, 'the caller gave up');
    await popup.getByRole('tab', { name: /Recent/ }).click();
    const recent = popup.getByRole('list', { name: 'Recent calls' }).getByRole('listitem').first();
    await expect.poll(() => recent.locator('.recent-name').textContent()).toBe('Zoë Müller');
    expect(await recent.locator('.recent-details').textContent()).toContain('ACME · +3225551234');

    const zoe = (await alice.command<{ contacts: { id: string; numbers: unknown[] }[] }>('searchContacts', { query: 'zoe' })).contacts[0]!;
    await alice.command('saveContact', { contact: { id: zoe.id, name: 'Zoë Keller', company: 'Initech', numbers: zoe.numbers } });
    await expect.poll(() => recent.locator('.recent-name').textContent()).toBe('Zoë Keller');
    expect(await recent.locator('.recent-details').textContent()).toContain('Initech · +3225551234');
  });

  test('"Save as contact" from a recent call and from the call panel: the call is named from the new contact at once', async () => {
    const alice = await env.desks.registered('101');
    const bob = await env.desks.registered('102');
    await (await alice.serviceWorker()).evaluate(() => chrome.storage.local.set({ callerId: { homeCountry: 'BE' } }));
    await callFromTrunk(env.pbx, '101', 1, 500, { from: '+3225559876', callerName: 'Carrier caller' });
    await alice.waitForSnapshot((s) => s.calls.length === 0 && s.lastEndedCall?.remoteNumber === '+3225559876', 'the missed call logged');
    const popup = await alice.openPopup();
    await popup.getByRole('tab', { name: /Recent/ }).click();
    const recent = popup.getByRole('list', { name: 'Recent calls' }).getByRole('listitem').first();
    await recent.getByRole('button', { name: 'Save as contact: +3225559876' }).click();
    const form = recent.getByRole('form', { name: 'Save as contact: +3225559876' });
    expect(await form.getByRole('textbox', { name: 'Name' }).inputValue()).toBe('Carrier caller');
    await form.getByRole('textbox', { name: 'Name' }).fill('Dirk Peeters');
    await form.getByRole('textbox', { name: 'Company' }).fill('Globex');
    await form.getByRole('combobox', { name: 'Kind of number' }).selectOption({ label: 'mobile' });
    await form.getByRole('button', { name: 'Save contact' }).click();
    await expect.poll(() => recent.locator('.recent-name').textContent()).toBe('Dirk Peeters');
    await expect.poll(() => recent.getByRole('button', { name: /Save as contact/ }).count()).toBe(0);
    const found = await alice.command<{ contacts: { name: string; company: string; numbers: unknown[] }[] }>('searchContacts', { query: '02 555 98' });
    expect(found.contacts).toEqual([
      expect.objectContaining({ name: 'Dirk Peeters', company: 'Globex', numbers: [{ label: 'mobile', value: '+3225559876' }] }),
    ]);

    await popup.getByRole('tab', { name: 'Keypad' }).click();
    const bobPopup = await bob.openPopup();
    await connect(alice, popup, bob, bobPopup, '102');
    const panel = popup.getByRole('region', { name: 'Current call' });
    await panel.getByRole('button', { name: 'Save as contact: 102' }).click();
    await panel.getByRole('textbox', { name: 'Name' }).fill('Bob at the desk');
    await panel.getByRole('button', { name: 'Save contact' }).click();
    await expect.poll(() => panel.locator('.remote-name').textContent()).toBe('Bob at the desk');
  });

  test('a file that is not a contacts list changes nothing, even with Replace chosen; Replace with a good file replaces', async () => {
    const alice = await env.desks.registered('101');
    expect(await importContacts(alice, file('book.vcf', BOOK))).toMatch(/^3 imported/);
    expect(await importContacts(alice, file('calendar.csv', 'Subject,Start Date\nMeeting,2026-01-01\n'), 'replace')).toBe(
      'This file is neither a vCard file nor a CSV export of contacts: nothing was changed',
    );
    expect(await importContacts(alice, file('empty.vcf', card('NOTE:x')), 'replace')).toBe(
      'No contact in this file could be read: nothing was changed (line 1: no name or number)',
    );
    expect((await alice.command<{ total: number }>('searchContacts', { query: '' })).total).toBe(3);

    const google = 'First Name,Last Name,Organization Name,Phone 1 - Label,Phone 1 - Value\nDan,Lee,Globex,Mobile,+32 470 99 88 77\n';
    expect(await importContacts(alice, file('google.csv', google), 'replace')).toBe('1 imported');
    const all = await alice.command<{ contacts: { name: string; company: string }[] }>('searchContacts', { query: '' });
    expect(all.contacts).toMatchObject([{ name: 'Dan Lee', company: 'Globex' }]);
  });

  test('a contact is edited, exported as vCard and deleted from Settings; the contacts stay out of storage.local', async () => {
    const alice = await env.desks.registered('101');
    await importContacts(alice, file('book.vcf', BOOK));
    const options = await alice.openOptions();
    const section = contactsSection(options);
    await section.getByRole('searchbox', { name: 'Search contacts' }).fill('carol');
    await section.getByRole('button', { name: 'Edit Carol Desk' }).click();
    const form = section.getByRole('form', { name: 'Edit Carol Desk' });
    await form.getByRole('textbox', { name: 'Name' }).fill('Carol Support');
    await form.getByRole('button', { name: 'Add a number' }).click();
    await form.getByRole('textbox', { name: 'Number' }).last().fill('0470 11 22 33');
    await form.getByRole('combobox', { name: 'Kind of number' }).last().selectOption({ label: 'mobile' });
    await form.getByRole('button', { name: 'Save contact' }).click();
    await expect.poll(() => section.getByRole('status').textContent()).toBe('Contact saved');
    await section.getByRole('searchbox', { name: 'Search contacts' }).fill('0470 11');
    await expect.poll(() => section.getByRole('list', { name: 'Contacts' }).textContent()).toContain('Carol Support');

    const download = options.waitForEvent('download');
    await section.getByRole('button', { name: 'Export contacts (vCard)' }).click();
    const exported = await (await download).path();
    const { readFileSync } = await import('node:fs');
    const text = readFileSync(exported, 'utf8');
    expect(text).toContain('FN:Carol Support\r\n');
    expect(text).toContain('TEL;TYPE=CELL:0470 11 22 33\r\n');
    expect(text.match(/BEGIN:VCARD/g)).toHaveLength(3);

    await section.getByRole('button', { name: 'Delete Carol Support' }).click();
    await expect.poll(() => section.getByRole('status').textContent()).toBe('Contact deleted');
    expect((await alice.command<{ total: number }>('searchContacts', { query: '' })).total).toBe(2);

    const local = await (await alice.serviceWorker()).evaluate(() => chrome.storage.local.get(null));
    expect(JSON.stringify(local)).not.toContain('Müller');
  });

  test('during a call the agent picks a transfer target from the contacts, and the call goes there', async () => {
    const alice = await env.desks.registered('101');
    const bob = await env.desks.registered('102');
    const carol = await env.desks.registered('103');
    await importContacts(bob, file('book.vcf', BOOK));
    const [alicePopup, bobPopup, carolPopup] = await Promise.all([alice.openPopup(), bob.openPopup(), carol.openPopup()]);
    await connect(alice, alicePopup, bob, bobPopup, '102');
    await bobPopup.getByRole('group', { name: 'Call controls' }).getByRole('button', { name: 'Transfer' }).click();
    await bobPopup.getByRole('textbox', { name: 'Transfer to' }).fill('carol');
    await bobPopup.getByRole('button', { name: 'Transfer now: Carol Desk, work 103' }).click();
    await alicePopup.getByRole('alertdialog', { name: 'Transfer request' }).getByRole('button', { name: 'Accept transfer' }).click({ timeout: 10_000 });
    const incoming = carolPopup.getByRole('region', { name: 'Incoming call' });
    await expect.poll(() => incoming.textContent(), { timeout: 10_000 }).toContain('101');
    await incoming.getByRole('button', { name: 'Answer' }).click();
    await carol.waitForSnapshot((s) => s.calls[0]?.state === 'active', 'carol talking to alice');
    await bob.waitForSnapshot((s) => s.calls.length === 0, 'bob out of the call', 20_000);
  });
});
