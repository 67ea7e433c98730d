import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Page } from 'playwright-core';
import { afterEach, describe, expect, test } from 'vitest';
import type { PolicyState } from '../../src/policy/state';
import { callFromTrunk } from '../pbx/trunk';
import { axeViolations } from './harness/axe';
import type { Agent } from './harness/browser';
import { usePbx } from './harness/phone';
import { ChromiumPolicy, reloadPolicies, unpackedExtensionId } from './harness/policy';
import { TestRadicale, vcard } from './harness/radicale';
import { extensionWithLoopbackGranted } from './harness/testSite';

const env = usePbx();

/** This file's policy file: written just before each browser starts, removed after each test, passed or failed. */
let policy: ChromiumPolicy | null = null;
afterEach(() => {
  policy?.remove();
  policy = null;
});

/** A browser started under the administrator's policy, once the softphone has applied it. */
async function launchManaged(settings: Record<string, unknown>): Promise<Agent> {
  policy = new ChromiumPolicy();
  policy.write(settings);
  const agent = await env.desks.launch();
  const sw = await agent.serviceWorker();
  await expect
    .poll(() => sw.evaluate(() => chrome.storage.local.get('policy').then((s) => (s.policy as { managed?: boolean } | undefined)?.managed)), {
      timeout: 20_000,
    })
    .toBe(true);
  return agent;
}

async function storedPolicy(agent: Agent): Promise<PolicyState> {
  return (await agent.serviceWorker()).evaluate(() => chrome.storage.local.get('policy').then((s) => s.policy as PolicyState));
}

const account = (options: Page) => options.getByRole('region', { name: 'SIP account' });

describe('settings pushed by the administrator through browser policy', () => {
  test('with the server and domain managed, the agent enters only extension and password, and registers', async () => {
    const agent = await launchManaged({ websocketUrl: env.pbx.wsUrl, domain: env.pbx.domain });
    const options = await agent.openOptions();
    await expect.poll(() => options.getByRole('heading', { name: 'Managed by your administrator' }).count()).toBe(1);

    for (const [label, value] of [
      ['Domain', env.pbx.domain],
      ['WebSocket URL', env.pbx.wsUrl],
    ]) {
      const field = account(options).getByLabel(label!, { exact: true });
      await expect.poll(() => field.inputValue()).toBe(value);
      expect(await field.getAttribute('readonly')).not.toBeNull();
      // Assistive technology hears why the field cannot be edited.
      await expect
        .poll(() => field.evaluate((el) => (el as HTMLInputElement).ariaDescribedByElements?.map((d) => d.textContent).join(' ')))
        .toContain('Set by your administrator');
    }
    expect(await account(options).getByLabel('SIP username (extension)').getAttribute('readonly')).toBeNull();

    await account(options).getByLabel('SIP username (extension)').fill('101');
    await account(options).getByLabel('SIP password').fill('alice-secret');
    await account(options).getByRole('button', { name: 'Save' }).click();
    await agent.waitUntilRegistered();
    const popup = await agent.openPopup();
    await expect.poll(() => popup.getByRole('note').filter({ hasText: 'Managed by your administrator' }).count()).toBe(1);
    // The agent's own part holds what they typed, not the policy's server.
    const own = await (await agent.serviceWorker()).evaluate(() => chrome.storage.local.get('account').then((s) => s.account));
    expect(own).toMatchObject({ username: '101' });
    expect(own).not.toHaveProperty('websocketUrl');

    // The settings file marks what came from policy, and an import cannot override it.
    const file = await agent.command<{ managedByPolicy?: string[]; account?: Record<string, unknown> }>('exportConfiguration', { includePassword: false });
    expect([...(file.managedByPolicy ?? [])].sort()).toEqual(['account.domain', 'account.websocketUrl']);
    const imported = await agent.command<{ ok: boolean; warnings: unknown[] }>('importConfiguration', {
      file: { version: 1, account: { ...file.account, domain: 'elsewhere.example.com', password: 'alice-secret' } },
    });
    expect(imported).toMatchObject({ ok: true, warnings: [{ code: 'managed_by_policy', setting: 'account.domain' }] });
    expect((await agent.snapshot()).registration.state).toBe('registered');
    expect(await account(options).getByLabel('Domain', { exact: true }).inputValue()).toBe(env.pbx.domain);
  });

  test('locked caller ID rules show in Settings and give the caller ID line', async () => {
    const agent = await launchManaged({
      homeCountry: 'BE',
      defaultOutgoingNumber: '+3225551234',
      incomingNumbers: ['+3225551234', '+442079460958'],
      advancedRules: [{ prefix: '0044', number: '+442079460958' }],
    });
    const options = await agent.openOptions();
    const section = options.getByRole('region', { name: 'Caller ID' });
    const prefix = section.getByLabel('Rule 1 prefix');
    await expect.poll(() => prefix.inputValue()).toBe('0044');
    expect(await prefix.isDisabled()).toBe(true);
    expect(await section.getByRole('button', { name: 'Add rule' }).isDisabled()).toBe(true);
    expect(await section.getByLabel('Company default outgoing number').inputValue()).toBe('+3225551234');
    expect(await section.getByText('Set by your administrator').count()).toBeGreaterThanOrEqual(4);
    expect(await axeViolations(options, { include: ['section[aria-labelledby="callerid-heading"]'] })).toEqual([]);

    const popup = await agent.openPopup();
    await popup.getByRole('textbox', { name: 'Number to call' }).fill('+44 20 7946 0958');
    const line = popup.getByRole('status', { name: 'Caller ID' });
    await expect.poll(() => line.textContent()).toBe('Callee sees +442079460958 · rule 1: 0044');
    await popup.getByRole('textbox', { name: 'Number to call' }).fill('02 555 00 00');
    await expect.poll(() => line.textContent()).toBe('Callee sees +3225551234 · company default');
  });

  test('managed queues appear in the Queues tab', async () => {
    const agent = await launchManaged({
      queues: [
        { name: 'Support', extension: '8001', loginCode: '*801', logoutCode: '*802' },
        { name: 'Sales', extension: '8002', loginCode: '*811', logoutCode: '*812', agent: 'static' },
      ],
    });
    const popup = await agent.openPopup();
    await popup.getByRole('tab', { name: 'Queues' }).click();
    const list = popup.getByRole('list', { name: 'Call queues' });
    await expect.poll(() => list.getByRole('listitem').allTextContents()).toEqual([expect.stringContaining('Support'), expect.stringContaining('Sales')]);
    expect(await popup.getByRole('button', { name: 'Log in to Support' }).count()).toBe(1);

    // In Settings the list is the administrator's: shown, locked, and an imported list changes nothing.
    const options = await agent.openOptions();
    const section = options.getByRole('region', { name: 'Call queues' });
    await expect.poll(() => section.getByText('Set by your administrator').count()).toBe(1);
    expect(await section.getByRole('button', { name: 'Add queue' }).isDisabled()).toBe(true);
    const other = { queues: [{ name: 'Billing', extension: '8009', loginCode: '*891', logoutCode: '*892' }] };
    await section
      .getByLabel('Import queues (JSON file)')
      .setInputFiles({ name: 'queues.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(other)) });
    await expect.poll(() => section.getByRole('region', { name: 'Import preview' }).textContent()).toContain('This file changes nothing.');
  });

  test('managed wrap-up, dispositions and colleagues: locked in Settings, in force in the popup, and an agent save keeps them', async () => {
    const agent = await launchManaged({
      dispositions: ['Sale', 'Call back'],
      wrapUpSeconds: 90,
      colleagues: [{ name: 'Bob', extension: '102' }],
      pickupCode: '**',
    });
    const options = await agent.openOptions();
    const afterCall = options.getByRole('region', { name: 'After the call' });
    const dispositions = afterCall.getByLabel('Dispositions', { exact: false }).first();
    await expect.poll(() => dispositions.inputValue()).toBe('Sale\nCall back');
    expect(await dispositions.isDisabled()).toBe(true);
    const wrapUp = afterCall.getByRole('spinbutton');
    await expect.poll(() => wrapUp.inputValue()).toBe('90');
    expect(await wrapUp.isDisabled()).toBe(true);
    await expect.poll(() => afterCall.getByText('Set by your administrator').count()).toBe(2);

    const colleagues = options.getByRole('region', { name: 'Colleagues and quick calls' });
    await expect.poll(() => colleagues.getByRole('textbox', { name: 'Name' }).first().inputValue()).toBe('Bob');
    expect(await colleagues.getByRole('button', { name: 'Add a colleague' }).isDisabled()).toBe(true);
    expect(await colleagues.getByRole('button', { name: 'Add a quick call' }).isDisabled(), "quick calls stay the agent's own").toBe(false);

    // The agent saves their own after-call settings: the administrator's stay in force, the agent's are kept apart.
    await afterCall.getByRole('checkbox').check();
    await afterCall.getByRole('button', { name: /^Save/ }).click();
    const sw = await agent.serviceWorker();
    await expect
      .poll(() => sw.evaluate(() => chrome.storage.local.get('afterCallSettings').then((s) => s.afterCallSettings as Record<string, unknown> | undefined)))
      .toMatchObject({ dispositionRequired: true, dispositions: [], wrapUpSeconds: 0 });

    const popup = await agent.openPopup();
    await popup.getByRole('tab', { name: 'Colleagues' }).click();
    await expect.poll(() => popup.getByText('Bob').count()).toBeGreaterThan(0);
  });

  test('a policy changed while the browser runs is applied, re-registering only when the server changed', async () => {
    const agent = await launchManaged({ websocketUrl: env.pbx.wsUrl, domain: env.pbx.domain });
    await agent.configure({ username: '101', password: 'alice-secret', domain: '', websocketUrl: '' });
    await agent.waitUntilRegistered();
    const popup = await agent.openPopup();
    await popup.getByRole('tab', { name: 'Queues' }).click();
    await expect.poll(() => popup.getByText('No call queues yet').count()).toBeGreaterThan(0);

    // Queues added: applied at once, and no new registration.
    const since = Date.now();
    policy!.write({
      websocketUrl: env.pbx.wsUrl,
      domain: env.pbx.domain,
      queues: [{ name: 'Support', extension: '8001', loginCode: '*801', logoutCode: '*802' }],
    });
    await reloadPolicies(agent.context);
    await expect.poll(() => popup.getByRole('button', { name: 'Log in to Support' }).count(), { timeout: 10_000 }).toBe(1);
    await new Promise((r) => setTimeout(r, 1500));
    expect(env.pbx.requests(since).filter((r) => r.method === 'REGISTER')).toEqual([]);

    // The server's address changed: the softphone registers again there.
    const moved = Date.now();
    policy!.write({ websocketUrl: `${env.pbx.wsUrl}/`, domain: env.pbx.domain });
    await reloadPolicies(agent.context);
    await env.pbx.waitForRequest('REGISTER', /.*/, { since: moved, timeoutMs: 15_000 });
    await agent.waitUntilRegistered();
    await expect.poll(() => popup.getByText('No call queues yet').count()).toBeGreaterThan(0);
  });

  test('after a browser restart the policy is applied from the start, so the account never loses its managed server', async () => {
    const agent = await launchManaged({ websocketUrl: env.pbx.wsUrl, domain: env.pbx.domain });
    await agent.configure({ username: '101', password: 'alice-secret', domain: '', websocketUrl: '' });
    await agent.waitUntilRegistered();
    await agent.restart();
    const sw = await agent.serviceWorker();
    const seen: unknown[] = [];
    for (const end = Date.now() + 8_000; Date.now() < end; await new Promise((r) => setTimeout(r, 200))) {
      seen.push(await sw.evaluate(() => chrome.storage.local.get('policy').then((s) => (s.policy as { managed?: boolean } | undefined)?.managed)));
    }
    expect(new Set(seen)).toEqual(new Set([true]));
    await agent.waitUntilRegistered();
  });

  test('a partly invalid policy is applied value by value, and Settings says why each bad one is ignored', async () => {
    const agent = await launchManaged({
      domain: env.pbx.domain,
      websocketUrl: 'wss://',
      homeCountry: 'XX',
      voicemailNumber: 'call me',
      queueReminder: { enabled: true, time: '17:30' },
    });
    expect((await storedPolicy(agent)).applied).toEqual({ account: { domain: env.pbx.domain }, queueSettings: { reminder: { enabled: true, time: '17:30' } } });
    const options = await agent.openOptions();
    const ignored = options.getByRole('list', { name: 'Policy values ignored' });
    await expect
      .poll(() => ignored.getByRole('listitem').allTextContents())
      .toEqual([
        expect.stringMatching(/^“homeCountry” is ignored: .*XX/),
        expect.stringMatching(/^“voicemailNumber” is ignored: /),
        expect.stringMatching(/^“websocketUrl” is ignored: /),
      ]);
    // The good values are locked; the ignored ones stay the agent's to set.
    expect(await account(options).getByLabel('Domain', { exact: true }).getAttribute('readonly')).not.toBeNull();
    expect(await account(options).getByLabel('WebSocket URL').getAttribute('readonly')).toBeNull();
    expect(await options.getByLabel('Voicemail number').getAttribute('readonly')).toBeNull();
    expect(await options.getByLabel('Reminder time').inputValue()).toBe('17:30');
    expect(await options.getByLabel('Reminder time').getAttribute('readonly')).not.toBeNull();
    // The managed notice, the reasons and the locked controls pass axe-core.
    expect(await axeViolations(options)).toEqual([]);
  });

  test('the screen-pop and CardDAV address books set by the policy: locked in Settings, added and synced where their site is granted, an Allow access button where it is not, removed with the policy, and one without a password completed by the agent', async () => {
    const radicale = await TestRadicale.start({ users: { alice: 'alice-password', bob: 'bob-password' } });
    const records = createServer((_req, res) => res.writeHead(200, { 'content-type': 'text/html' }).end('<title>Record</title>'));
    await new Promise<void>((resolve) => records.listen(0, '127.0.0.1', resolve));
    const recordSite = `http://127.0.0.1:${(records.address() as AddressInfo).port}`;
    const granted = extensionWithLoopbackGranted();
    try {
      await radicale.createAddressBook('alice', 'work', 'Work');
      await radicale.putCard('alice', 'work', 'c1', vcard('card-9', 'Oskar Berg', '+3225554444'));
      await radicale.createAddressBook('bob', 'team', 'Team');
      await radicale.putCard('bob', 'team', 'c1', vcard('card-10', 'Ines Roos', '+3225556666'));
      const settings = {
        screenPop: 'ring',
        recordUrlTemplate: `${recordSite}/find?q={e164}`,
        screenPopUnknownCallers: false,
        cardDavSources: [{ url: radicale.url, username: 'alice', password: 'alice-password' }],
      };
      const origin = new URL(radicale.url).origin;

      // Without access to the server's site: listed, not reached, and the agent is offered the grant.
      policy = new ChromiumPolicy();
      policy.write(settings);
      const ungranted = await env.desks.launch();
      const plainOptions = await ungranted.openOptions();
      const plainSource = plainOptions.getByRole('region', { name: 'CardDAV address books' }).getByRole('article', { name: 'alice · 127.0.0.1' });
      await expect.poll(() => plainSource.getByRole('button', { name: `Allow access to ${origin}` }).count(), { timeout: 20_000 }).toBe(1);
      expect(radicale.requests).toEqual([]);
      // The policy's password is not in storage.local, where Firefox content scripts could read it.
      expect(JSON.stringify(await (await ungranted.serviceWorker()).evaluate(() => chrome.storage.local.get(null)))).not.toContain('alice-password');
      await ungranted.close();
      policy.remove();

      // With it (granted as the agent's click would): synced at once, locked, and the screen-pop follows the policy.
      policy = new ChromiumPolicy(unpackedExtensionId(granted.dir));
      policy.write(settings);
      const agent = await env.desks.registered('101', {}, { extensionDir: granted.dir });
      await (await agent.serviceWorker()).evaluate(() => chrome.storage.local.set({ callerId: { homeCountry: 'BE' } }));
      const options = await agent.openOptions();
      const source = options.getByRole('region', { name: 'CardDAV address books' }).getByRole('article', { name: 'alice · 127.0.0.1' });
      await expect.poll(() => source.getByText('1 card').count(), { timeout: 20_000 }).toBe(1);
      expect(await source.getByText('Set by your administrator').count()).toBe(1);
      expect(await source.getByRole('button', { name: /^Remove/ }).count()).toBe(0);
      expect(await source.getByRole('button', { name: /^Allow access/ }).count()).toBe(0);
      const screenPop = options.getByRole('region', { name: 'Screen-pop' });
      const mode = screenPop.getByRole('combobox', { name: "Open the caller's record from the CRM" });
      await expect.poll(() => mode.inputValue()).toBe('ring');
      expect(await mode.isDisabled()).toBe(true);
      const template = screenPop.getByRole('textbox', { name: 'Record URL template' });
      expect(await template.inputValue()).toBe(`${recordSite}/find?q={e164}`);
      expect(await template.getAttribute('readonly')).not.toBeNull();
      await expect
        .poll(() => template.evaluate((el) => (el as HTMLInputElement).ariaDescribedByElements?.map((d) => d.textContent).join(' ')))
        .toContain('Set by your administrator');
      expect(await screenPop.getByRole('checkbox').isDisabled()).toBe(true);
      expect(await axeViolations(options)).toEqual([]);
      // The export names what the policy set, and never carries the policy's password, even with passwords included.
      const exported = await agent.command<{ managedByPolicy?: string[] }>('exportConfiguration', { includePassword: true });
      expect(exported.managedByPolicy).toEqual(
        expect.arrayContaining(['contacts.screenPop', 'contacts.recordUrlTemplate', 'contacts.unknownCallers', 'contacts.cardDavSources']),
      );
      expect(JSON.stringify(exported)).not.toContain('alice-password');

      const popup = await agent.openPopup();
      const calling = callFromTrunk(env.pbx, '101', 1, 3000, { from: '+3225554444' });
      await expect
        .poll(() => popup.getByRole('region', { name: 'Incoming call' }).locator('.remote-name').textContent(), { timeout: 10_000 })
        .toBe('Oskar Berg');
      await expect.poll(() => agent.context.pages().filter((p) => p.url() === `${recordSite}/find?q=%2B3225554444`).length).toBe(1);
      await calling;

      // The policy changes: its first address book goes, and one without a password comes, for the agent to complete.
      policy.write({ ...settings, cardDavSources: [{ url: radicale.url, username: 'bob' }] });
      await reloadPolicies(agent.context);
      const bobSource = options.getByRole('region', { name: 'CardDAV address books' }).getByRole('article', { name: 'bob · 127.0.0.1' });
      await expect.poll(() => bobSource.getByLabel('Your password for this address book').count(), { timeout: 20_000 }).toBe(1);
      await expect.poll(() => source.count()).toBe(0);
      await bobSource.getByLabel('Your password for this address book').fill('bob-password');
      await bobSource.getByRole('button', { name: 'Save password: bob · 127.0.0.1' }).click();
      await expect.poll(() => bobSource.getByText('1 card').count(), { timeout: 15_000 }).toBe(1);
      expect(await bobSource.getByLabel('Your password for this address book').count()).toBe(0);
      expect(JSON.stringify(await (await agent.serviceWorker()).evaluate(() => chrome.storage.local.get(null)))).not.toContain('bob-password');
    } finally {
      granted.remove();
      records.closeAllConnections();
      await new Promise((resolve) => records.close(resolve));
      await radicale.remove();
    }
  });
});
