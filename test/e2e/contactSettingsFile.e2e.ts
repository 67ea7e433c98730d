import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterEach, describe, expect, test } from 'vitest';
import type { ConfigurationFile } from '../../src/settings/configurationFile';
import { Agent } from './harness/browser';
import { TestRadicale, vcard } from './harness/radicale';
import { extensionWithLoopbackGranted } from './harness/testSite';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function radicale(): Promise<TestRadicale> {
  const server = await TestRadicale.start({ users: { alice: 'alice-password' } });
  cleanups.push(() => server.remove());
  await server.createAddressBook('alice', 'work', 'Work');
  await server.putCard('alice', 'work', 'c1', vcard('card-1', 'Oskar Berg', '+3225554444'));
  return server;
}

async function launch(extensionDir?: string): Promise<Agent> {
  const agent = await Agent.launch({ extensionDir, microphone: false });
  cleanups.push(() => agent.close());
  return agent;
}

function loopbackGranted(): string {
  const extension = extensionWithLoopbackGranted();
  cleanups.push(async () => extension.remove());
  return extension.dir;
}

function fileSection(options: Page) {
  return options.getByRole('region', { name: 'Settings file' });
}

async function pick(options: Page, content: object): Promise<void> {
  await options
    .getByLabel('Import settings file')
    .setInputFiles({ name: 'settings.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(content)) });
}

const storedContacts = async (agent: Agent) =>
  (await agent.serviceWorker()).evaluate(() => chrome.storage.local.get(['cardDavSources', 'crmLookupUrl', 'screenPopSettings']));

describe('The settings file’s contacts section', () => {
  test('exported with the CardDAV password only when asked; imported through the preview, the address book is added and synced on Apply', async () => {
    const server = await radicale();
    const alice = await launch(loopbackGranted());
    const options = await alice.openOptions();
    const cardDav = options.getByRole('region', { name: 'CardDAV address books' });
    const form = cardDav.getByRole('form', { name: 'Add an address book' });
    await form.getByLabel('Server URL').fill(server.url);
    await form.getByLabel('Username').fill('alice');
    await form.getByLabel('Password or app password').fill('alice-password');
    await form.getByRole('button', { name: 'Add address book' }).click();
    await expect.poll(() => cardDav.getByRole('status').textContent(), { timeout: 15_000 }).toBe('Address book added: 1 card');
    const source = cardDav.getByRole('article', { name: 'alice · 127.0.0.1' });
    await source.getByRole('textbox', { name: 'Record URL template for this address book' }).fill('https://crm.example.com/cards/{uid}');
    await source.getByRole('button', { name: 'Save record URL: alice · 127.0.0.1' }).click();
    await expect.poll(() => source.getByRole('status').textContent()).toBe('Record URL saved');
    const screenPop = options.getByRole('region', { name: 'Screen-pop' });
    await screenPop.getByRole('textbox', { name: 'Record URL template' }).fill('https://crm.example.com/find?q={e164}');
    await screenPop.getByRole('button', { name: 'Save record URL' }).click();
    await expect.poll(() => screenPop.getByRole('status').textContent()).toBe('Record URL saved');
    await screenPop.getByRole('combobox', { name: "Open the caller's record from the CRM" }).selectOption({ label: 'When the call rings' });

    // Exported as the agent does it: the button, with or without Include passwords ticked.
    const files = fileSection(options);
    const exported = async (includePassword: boolean): Promise<ConfigurationFile> => {
      await files.getByRole('checkbox', { name: 'Include passwords (SIP and CardDAV)' }).setChecked(includePassword);
      const download = options.waitForEvent('download');
      await files.getByRole('button', { name: 'Export settings' }).click();
      return JSON.parse(readFileSync((await (await download).path())!, 'utf8')) as ConfigurationFile;
    };
    const sourceUrl = ((await storedContacts(alice)).cardDavSources as { url: string }[])[0]!.url;
    await expect.poll(async () => (await exported(false)).contacts?.screenPop).toBe('ring');
    expect((await exported(false)).contacts).toEqual({
      cardDavSources: [{ url: sourceUrl, username: 'alice', recordUrlTemplate: 'https://crm.example.com/cards/{uid}' }],
      crmLookupUrl: '',
      screenPop: 'ring',
      recordUrlTemplate: 'https://crm.example.com/find?q={e164}',
      unknownCallers: false,
    });
    const withPassword = await exported(true);
    expect(withPassword.contacts?.cardDavSources).toEqual([
      { url: sourceUrl, username: 'alice', recordUrlTemplate: 'https://crm.example.com/cards/{uid}', password: 'alice-password' },
    ]);
    const withoutPassword = await exported(false);
    expect(JSON.stringify(withoutPassword)).not.toContain('alice-password');
    await options.close();

    // Another agent's browser: without the password the address book is left out, and said so.
    const bob = await launch(loopbackGranted());
    const bobOptions = await bob.openOptions();
    const bobFiles = fileSection(bobOptions);
    const preview = bobFiles.getByRole('region', { name: 'Import preview' });
    await pick(bobOptions, withoutPassword);
    await expect
      .poll(() => preview.getByRole('listitem').allTextContents())
      .toEqual([
        `Contacts · CardDAV address books: (none) → alice · ${sourceUrl} (https://crm.example.com/cards/{uid})`,
        "Contacts · Open the caller's record from the CRM: Only with the Open record button → When the call rings",
        'Contacts · Record URL template: (none) → https://crm.example.com/find?q={e164}',
      ]);
    // Nothing written before Apply.
    expect(await storedContacts(bob)).toEqual({});
    await preview.getByRole('button', { name: 'Apply' }).click();
    await expect
      .poll(() => bobFiles.getByRole('status').getByRole('listitem').allTextContents())
      .toEqual([
        'Imported: contacts',
        `The address book alice · ${sourceUrl} (https://crm.example.com/cards/{uid}) was left out: the file has no password for it. Add it under CardDAV address books.`,
      ]);
    expect(await storedContacts(bob)).toEqual({
      crmLookupUrl: '',
      screenPopSettings: { mode: 'ring', recordUrlTemplate: 'https://crm.example.com/find?q={e164}', unknownCallers: false },
    });

    // With it: added, discovered and synced, with its own template.
    await pick(bobOptions, withPassword);
    await preview.getByRole('button', { name: 'Apply' }).click();
    await expect.poll(() => bobFiles.getByRole('status').getByRole('listitem').allTextContents(), { timeout: 15_000 }).toEqual(['Imported: contacts']);
    const bobSource = bobOptions.getByRole('region', { name: 'CardDAV address books' }).getByRole('article', { name: 'alice · 127.0.0.1' });
    await expect.poll(() => bobSource.getByText('1 card').count()).toBe(1);
    expect(await bobSource.getByRole('textbox', { name: 'Record URL template for this address book' }).inputValue()).toBe(
      'https://crm.example.com/cards/{uid}',
    );
    // The password went to the extension's IndexedDB, not storage.local.
    expect(JSON.stringify(await (await bob.serviceWorker()).evaluate(() => chrome.storage.local.get(null)))).not.toContain('alice-password');
  });

  test('without the agent’s grant of its site, an imported address book and lookup URL are left out, and the rest of the section applies', async () => {
    const server = await radicale();
    const agent = await launch();
    const options = await agent.openOptions();
    const files = fileSection(options);
    const origin = new URL(server.url).origin;
    const asked = server.requests.length;
    const file = {
      version: 1,
      contacts: {
        cardDavSources: [{ url: server.url, username: 'alice', password: 'alice-password' }],
        crmLookupUrl: `${origin}/lookup?number={e164}`,
        screenPop: 'answer',
        unknownCallers: true,
      },
    };
    await pick(options, file);
    const preview = files.getByRole('region', { name: 'Import preview' });
    await expect.poll(() => preview.getByRole('listitem').count()).toBe(4);
    // Apply asks the browser for both sites, a prompt headless Chromium cannot show; the agent's
    // refusal leads to the import request below, which the service worker checks grant by grant.
    const imported = await agent.command<{ ok: boolean; warnings: unknown[] }>('importConfiguration', { file: JSON.stringify(file) });
    expect(imported).toEqual({
      ok: true,
      sections: ['contacts'],
      warnings: [
        { code: 'contacts_no_permission', origin: 'http://127.0.0.1' },
        { code: 'contacts_no_permission', origin },
      ],
    });
    expect(await storedContacts(agent)).toEqual({ screenPopSettings: { mode: 'answer', recordUrlTemplate: '', unknownCallers: true } });
    // The server was never reached.
    expect(server.requests.length).toBe(asked);
    const cardDav = options.getByRole('region', { name: 'CardDAV address books' });
    expect(await cardDav.getByRole('article').count()).toBe(0);
  });
});
