import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { callFromTrunk } from '../pbx/trunk';
import { axeViolations } from './harness/axe';
import type { Agent } from './harness/browser';
import { dial, usePbx } from './harness/phone';
import { ChromiumPolicy, unpackedExtensionId } from './harness/policy';
import { WebhookReceiver } from './harness/receiver';
import { TestCrm } from './harness/testCrm';
import { extensionWithLoopbackGranted } from './harness/testSite';

const env = usePbx({ echoCodes: ['*43'] });

/** A CRM on loopback that knows one caller; every other number is unknown (404). */
const crm = new TestCrm((number) => (number === '+3225551111' ? { status: 200, body: { name: 'Eva Lind', company: 'Contoso' } } : { status: 404, body: {} }));
let receiver: WebhookReceiver;
let granted: { dir: string; remove(): void };
beforeAll(async () => {
  await crm.start();
  receiver = await WebhookReceiver.start();
  // As if the agent had pressed Allow access and accepted the browser's prompt, which headless Chromium cannot show.
  granted = extensionWithLoopbackGranted();
});
afterAll(async () => {
  await crm.stop();
  await receiver?.down();
  granted?.remove();
});

/** This file's policy file: written just before each browser starts, removed after each test, passed or failed. */
let policy: ChromiumPolicy | null = null;
afterEach(() => {
  policy?.remove();
  policy = null;
});

const policySettings = () => ({ webhookUrl: receiver.url, crmLookupUrl: crm.url });

/** An agent registered under the policy, once the softphone has applied it. */
async function registeredUnderPolicy(extensionDir?: string): Promise<Agent> {
  policy = new ChromiumPolicy(extensionDir ? unpackedExtensionId(extensionDir) : undefined);
  policy.write(policySettings());
  const agent = await env.desks.registered('101', {}, extensionDir ? { extensionDir } : {});
  const sw = await agent.serviceWorker();
  await expect
    .poll(() => sw.evaluate(() => chrome.storage.local.get('policy').then((s) => (s.policy as { managed?: boolean } | undefined)?.managed)), {
      timeout: 20_000,
    })
    .toBe(true);
  await sw.evaluate(() => chrome.storage.local.set({ callerId: { homeCountry: 'BE' } }));
  return agent;
}

const afterCall = (options: Page) => options.getByRole('region', { name: 'After the call' });
const crmSection = (options: Page) => options.getByRole('region', { name: 'CRM lookup' });
const describedBy = (page: Page, name: string) =>
  page
    .getByRole('textbox', { name, exact: true })
    .evaluate((el) => (el as HTMLInputElement).ariaDescribedByElements?.map((d) => d.textContent).join(' ') ?? '');

async function talkToEcho(agent: Agent): Promise<string> {
  const popup = await agent.openPopup();
  await dial(popup, '*43');
  const { calls } = await agent.waitForSnapshot((s) => s.calls[0]?.state === 'active', 'echo test answered');
  await popup.getByRole('button', { name: 'Hang up' }).click();
  await agent.waitForSnapshot((s) => s.calls.length === 0, 'echo test over');
  return calls[0]!.id;
}

describe('the webhook and the CRM lookup URL set by the administrator through browser policy', () => {
  test('with their site granted: both locked in Settings, a finished call reaches the webhook, and the lookup names a ringing caller', async () => {
    const alice = await registeredUnderPolicy(granted.dir);
    const options = await alice.openOptions();

    const webhook = afterCall(options).getByRole('textbox', { name: 'Webhook URL for call records' });
    await expect.poll(() => webhook.inputValue(), { timeout: 10_000 }).toBe(receiver.url);
    expect(await webhook.getAttribute('readonly')).not.toBeNull();
    await expect.poll(() => describedBy(options, 'Webhook URL for call records')).toContain('Set by your administrator');
    const lookup = crmSection(options).getByRole('textbox', { name: 'Lookup URL' });
    await expect.poll(() => lookup.inputValue()).toBe(crm.url);
    expect(await lookup.getAttribute('readonly')).not.toBeNull();
    await expect.poll(() => describedBy(options, 'Lookup URL')).toContain('Set by your administrator');
    expect(await crmSection(options).getByRole('button', { name: 'Save lookup URL' }).count()).toBe(0);
    expect(await options.getByRole('button', { name: /^Allow access/ }).count()).toBe(0);
    // Saving the other after-call fields keeps the policy's webhook the policy's.
    await afterCall(options)
      .getByRole('spinbutton', { name: /Wrap-up time/ })
      .fill('0');
    await afterCall(options).getByRole('button', { name: 'Save after-call settings' }).click();
    await expect.poll(() => afterCall(options).getByRole('status').first().textContent()).toBe('After-call settings saved');
    const own = await (await alice.serviceWorker()).evaluate(() => chrome.storage.local.get('afterCallSettings').then((s) => s.afterCallSettings));
    expect(own).toMatchObject({ webhookUrl: '' });
    await options.close();

    const callId = await talkToEcho(alice);
    await expect.poll(() => receiver.recordsOf(callId).length, { timeout: 15_000 }).toBe(1);
    expect(receiver.recordsOf(callId)[0]).toMatchObject({ event: 'call.ended', callId, otherParty: { number: '*43' } });

    const popup = await alice.openPopup();
    const ringing = popup.getByRole('region', { name: 'Incoming call' });
    const calling = callFromTrunk(env.pbx, '101', 1, 3000, { from: '+3225551111' });
    await expect.poll(() => ringing.locator('.remote-name').textContent(), { timeout: 10_000 }).toBe('Eva Lind');
    await calling;
    expect(crm.asked).toContain('+3225551111');
  });

  test('without their site granted: Settings offers Allow access to each site, the record waits in the outbox, and neither site is contacted', async () => {
    const requestsBefore = receiver.requests.length;
    const askedBefore = crm.asked.length;
    const alice = await registeredUnderPolicy();
    const options = await alice.openOptions();
    const site = (url: string) => new URL(url.replace('{e164}', '0')).origin;

    await expect
      .poll(
        () =>
          afterCall(options)
            .getByRole('button', { name: `Allow access to ${site(receiver.url)}` })
            .count(),
        { timeout: 10_000 },
      )
      .toBe(1);
    await expect
      .poll(() =>
        crmSection(options)
          .getByRole('button', { name: `Allow access to ${site(crm.url)}` })
          .count(),
      )
      .toBe(1);
    expect(await afterCall(options).getByRole('textbox', { name: 'Webhook URL for call records' }).getAttribute('readonly')).not.toBeNull();
    expect(await crmSection(options).getByRole('textbox', { name: 'Lookup URL' }).getAttribute('readonly')).not.toBeNull();
    expect(await axeViolations(options)).toEqual([]);

    await talkToEcho(alice);
    // Kept, and the reason said: the record goes once the agent allows the site.
    await expect
      .poll(() => options.getByRole('status', { name: 'Call records for the CRM' }).textContent(), { timeout: 15_000 })
      .toMatch(/^1 call waiting to be sent: access to the webhook’s site is not granted/);

    const popup = await alice.openPopup();
    const calling = callFromTrunk(env.pbx, '101', 1, 3000, { from: '+3225551111' });
    await alice.waitForSnapshot((s) => s.calls[0]?.state === 'incoming', 'ringing without the lookup');
    await expect.poll(() => popup.getByRole('region', { name: 'Incoming call' }).locator('.remote-name').textContent()).toBe('Carrier caller');
    await calling;
    expect(receiver.requests.length).toBe(requestsBefore);
    expect(crm.asked.length).toBe(askedBefore);
  });
});
