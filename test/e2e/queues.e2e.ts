import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import type { QueueSettings, QueueState } from '../../src/queues';
import { type PbxQueue, TestPbx } from '../pbx/pbx';
import type { Agent } from './harness/browser';
import { Desks, dial, expectAudioFlowing } from './harness/phone';

const support: PbxQueue = { name: 'Support', extension: '500', loginCode: '*51', logoutCode: '*52' };
const sales: PbxQueue = { name: 'Sales', extension: '501', loginCode: '*53', logoutCode: '*54' };
/** A queue whose connection code the PBX answers with 486 Busy Here. */
const billing: PbxQueue = { name: 'Billing', extension: '502', loginCode: '*55', logoutCode: '*56' };

let pbx: TestPbx;
let desks: Desks;

beforeAll(async () => {
  pbx = await TestPbx.start({ queues: [support, sales], failingCodes: { [billing.loginCode]: 486 } });
  desks = new Desks(pbx);
});
afterAll(async () => {
  await pbx?.stop();
});
afterEach(async () => {
  await desks.closeAll();
});

function settingsFor(queues: PbxQueue[], staticQueues: PbxQueue[]): QueueSettings {
  const agent = (q: PbxQueue) => (staticQueues.includes(q) ? 'static' : 'dynamic');
  return { queues: queues.map((q) => ({ ...q, agent: agent(q), callerNamePrefix: '' })), reminder: { enabled: true, time: '18:00' } };
}

/** Stores queue settings the way the settings page does, through the service worker. */
async function withQueues(agent: Agent, queues: PbxQueue[], staticQueues: PbxQueue[] = []): Promise<void> {
  const page = await agent.openOptions();
  const result = await page.evaluate(
    (settings) => chrome.runtime.sendMessage({ to: 'background', type: 'saveQueueSettings', payload: { settings } }),
    settingsFor(queues, staticQueues),
  );
  expect(result).toEqual({ ok: true });
  await page.close();
}

async function queuesTab(agent: Agent): Promise<Page> {
  const popup = await agent.openPopup();
  await popup.getByRole('tab', { name: 'Queues' }).click();
  return popup;
}

const queueRow = (popup: Page, name: string) => popup.getByRole('list', { name: 'Call queues' }).getByRole('listitem').filter({ hasText: name });
const result = (popup: Page) => popup.getByRole('status', { name: 'Queue result' });
const toolbarTitle = async (agent: Agent): Promise<string> => (await agent.serviceWorker()).evaluate(() => chrome.action.getTitle({}));
const storedState = async (agent: Agent): Promise<QueueState> =>
  (await agent.serviceWorker()).evaluate(async () => (await chrome.storage.local.get('queueState')).queueState as QueueState);

/** Logs in or out from the popup; resolves with how long the PBX's call took (click to state change). */
async function toggle(popup: Page, button: string, expected: string): Promise<number> {
  const started = Date.now();
  await popup.getByRole('button', { name: button }).click();
  await expect.poll(() => result(popup).textContent(), { timeout: 20_000 }).toContain(expected);
  return Date.now() - started;
}

describe('call queues', () => {
  test('an agent logs in, takes a queue call with audio, logs out, and the next queue call no longer reaches them', async () => {
    const alice = await desks.registered('101');
    const bob = await desks.registered('102');
    await withQueues(alice, [support]);
    const popup = await queuesTab(alice);
    await expect.poll(() => queueRow(popup, 'Support').textContent()).toContain('Logged out');

    const loginButton = popup.getByRole('button', { name: 'Log in to Support' });
    await loginButton.click();
    await expect.poll(() => queueRow(popup, 'Support').textContent()).toContain('Working…');
    expect(await loginButton.isDisabled()).toBe(true);
    // The PBX's short message plays to the agent: it is a real call with audio.
    const loginCall = await alice.waitForSnapshot((s) => s.calls[0]?.purpose === 'service-code' && s.calls[0].state === 'active', 'login call answered');
    await expectAudioFlowing(alice, loginCall.calls[0]!.id);
    await expect.poll(() => result(popup).textContent(), { timeout: 20_000 }).toBe('Logged into Support');
    const login = (await alice.snapshot()).lastEndedCall!;
    console.log(`login call: answered after ${login.answeredAt! - login.startedAt} ms, ended after ${login.endedAt! - login.startedAt} ms`);
    expect(login.purpose).toBe('service-code');
    expect(login.end?.code).toBe('remote_hangup');
    expect(pbx.queueMembers('500')).toEqual(['101']);
    await expect.poll(() => queueRow(popup, 'Support').textContent()).toMatch(/Logged in · since/);
    await expect.poll(() => toolbarTitle(alice)).toContain('Logged into 1 queue');

    const bobPopup = await bob.openPopup();
    await dial(bobPopup, '500');
    const incoming = popup.getByRole('region', { name: 'Incoming call' });
    await expect.poll(() => incoming.textContent()).toContain('Queue: Support');
    expect((await alice.snapshot()).calls[0]?.queueName).toBe('Support');
    await incoming.getByRole('button', { name: 'Answer' }).click();
    await alice.waitForSnapshot((s) => s.calls[0]?.state === 'active', 'alice in the queue call');
    await bob.waitForSnapshot((s) => s.calls[0]?.state === 'active', 'bob in the queue call');
    await expectAudioFlowing(alice);
    await expectAudioFlowing(bob);

    // A queue action during a call is refused, and nothing changes.
    const during = await popup.evaluate(() =>
      chrome.runtime.sendMessage({ to: 'background', type: 'queueAction', payload: { extension: '500', action: 'logout' } }),
    );
    expect(during.failure).toBe('call_in_progress');
    expect((await storedState(alice)).memberships['500']?.loggedIn).toBe(true);

    await bobPopup.getByRole('button', { name: 'Hang up' }).click();
    await alice.waitForSnapshot((s) => s.calls.length === 0, 'queue call over');
    await popup.getByRole('tab', { name: 'Queues' }).click();
    const logout = await toggle(popup, 'Log out of Support', 'Logged out of Support');
    console.log(`logout, click to state change: ${logout} ms`);
    expect(pbx.queueMembers('500')).toEqual([]);
    await expect.poll(() => toolbarTitle(alice)).not.toContain('queue');

    await dial(bobPopup, '500');
    await expect.poll(() => bobPopup.getByLabel('Last call').textContent()).toContain('Not reachable right now');
    expect((await alice.snapshot()).calls).toHaveLength(0);
    const queueCalls = pbx
      .log()
      .split('\n')
      .filter((line) => line.includes('QUEUE CALL 500'));
    expect(queueCalls.map((line) => line.replace(/.*QUEUE CALL/, ''))).toEqual([' 500 RINGS 1 AGENTS', ' 500 NO AGENT']);
  });

  test('a refused login code and an unregistered softphone leave the state unchanged and say why', async () => {
    const alice = await desks.registered('101');
    await withQueues(alice, [support, billing, sales], [sales]);
    const popup = await queuesTab(alice);
    await expect.poll(() => queueRow(popup, 'Sales').textContent()).toContain('Always connected');
    expect(await queueRow(popup, 'Sales').getByRole('button').count()).toBe(0);

    await toggle(popup, 'Log in to Billing', 'Could not log in to Billing: the PBX answered busy. You are still logged out.');
    await expect.poll(() => queueRow(popup, 'Billing').textContent()).toContain('Logged out');
    expect((await storedState(alice)).memberships['502']).toBeUndefined();

    await alice.configure({ username: '101', password: 'alice-secret', domain: pbx.domain, websocketUrl: pbx.wsUrl, enabled: false });
    await alice.waitForSnapshot((s) => s.registration.state === 'disabled', 'softphone turned off');
    const since = Date.now();
    await toggle(popup, 'Log in to Support', 'Could not log in to Support: the softphone is not registered. You are still logged out.');
    await expect.poll(() => queueRow(popup, 'Support').textContent()).toContain('Logged out');
    expect(pbx.requests(since).filter((r) => r.method === 'INVITE')).toHaveLength(0);
    expect(pbx.queueMembers('500')).toEqual([]);
  });

  test('two queues, the state kept across a browser restart, the reminder scheduled, and "log out of all"', async () => {
    const alice = await desks.registered('101');
    await withQueues(alice, [support, sales]);
    let popup = await queuesTab(alice);
    const logOutOfAll = popup.getByRole('button', { name: 'Log out of all queues' });
    expect(await logOutOfAll.isDisabled()).toBe(true);
    await toggle(popup, 'Log in to Support', 'Logged into Support');
    await toggle(popup, 'Log in to Sales', 'Logged into Sales');
    await expect.poll(() => toolbarTitle(alice)).toContain('Logged into 2 queues');
    const alarm = await (await alice.serviceWorker()).evaluate(() => chrome.alarms.get('queue-reminder'));
    const due = new Date(alarm!.scheduledTime);
    expect([due.getHours(), due.getMinutes()]).toEqual([18, 0]);
    expect(due.getTime() - Date.now()).toBeLessThanOrEqual(24 * 3600_000);
    // The reminder, made due now: a notification names the queues still logged into.
    const worker = await alice.serviceWorker();
    await worker.evaluate(() => chrome.alarms.create('queue-reminder', { when: Date.now() + 50 }));
    await expect.poll(() => worker.evaluate(() => chrome.notifications.getAll())).toHaveProperty('queue-reminder');
    await expect.poll(async () => (await worker.evaluate(() => chrome.alarms.get('queue-reminder')))?.scheduledTime).toBe(alarm!.scheduledTime);

    await alice.restart();
    await alice.waitUntilRegistered();
    popup = await queuesTab(alice);
    await expect.poll(() => queueRow(popup, 'Support').textContent()).toContain('Logged in');
    await expect.poll(() => queueRow(popup, 'Sales').textContent()).toContain('Logged in');
    await expect.poll(() => toolbarTitle(alice)).toContain('Logged into 2 queues');

    const started = Date.now();
    await popup.getByRole('button', { name: 'Log out of all queues' }).click();
    await expect.poll(() => result(popup).textContent(), { timeout: 30_000 }).toBe('Logged out of all queues.');
    console.log(`log out of two queues: ${Date.now() - started} ms`);
    await expect.poll(() => queueRow(popup, 'Support').textContent()).toContain('Logged out');
    await expect.poll(() => queueRow(popup, 'Sales').textContent()).toContain('Logged out');
    expect([pbx.queueMembers('500'), pbx.queueMembers('501')]).toEqual([[], []]);
  });

  test('the end-of-day reminder\'s "Log out of all" button logs the agent out at the PBX and says so', async () => {
    const alice = await desks.registered('101');
    await withQueues(alice, [support]);
    const popup = await queuesTab(alice);
    await toggle(popup, 'Log in to Support', 'Logged into Support');
    expect(pbx.queueMembers('500')).toEqual(['101']);
    const worker = await alice.serviceWorker();
    await worker.evaluate(() => chrome.alarms.create('queue-reminder', { when: Date.now() + 50 }));
    await expect.poll(() => worker.evaluate(() => chrome.notifications.getAll())).toHaveProperty('queue-reminder');

    // Headless Chromium shows no notification to click: fire the real event the OS click would fire.
    const since = Date.now();
    await worker.evaluate(() =>
      (chrome.notifications.onButtonClicked as unknown as { dispatch(id: string, index: number): void }).dispatch('queue-reminder', 0),
    );
    await pbx.waitForRequest('INVITE', /^sip:\*52@/, { since });
    await expect.poll(() => pbx.queueMembers('500'), { timeout: 20_000 }).toEqual([]);
    // The state changes when the PBX's announcement ends the call, a couple of seconds later.
    await expect.poll(() => queueRow(popup, 'Support').textContent(), { timeout: 20_000 }).toContain('Logged out');
    expect((await storedState(alice)).working).toBeNull();
    const shown = await worker.evaluate(() => chrome.notifications.getAll());
    expect(shown).not.toHaveProperty('queue-reminder');
    expect(shown).toHaveProperty('queue-logout-result'); // how it went, in the agent's words
  });

  test('one damaged field in the stored settings costs that field, not the whole list', async () => {
    const alice = await desks.registered('101');
    const stored = settingsFor([support, sales], []);
    const damaged = { ...stored, queues: [stored.queues[0], { ...stored.queues[1], agent: 'sometimes' }] };
    await (await alice.serviceWorker()).evaluate((settings) => chrome.storage.local.set({ queueSettings: settings }), damaged);
    const popup = await queuesTab(alice);
    await expect.poll(() => popup.getByRole('list', { name: 'Call queues' }).getByRole('listitem').count()).toBe(2);
    await expect.poll(() => queueRow(popup, 'Support').textContent()).toContain('Logged out');
    // Sales is read with the default agent kind (dynamic): it can still be logged into.
    await expect.poll(() => popup.getByRole('button', { name: 'Log in to Sales' }).count()).toBe(1);
  });

  test('queue settings: inline errors are never saved, a file exports and imports, a bad import changes nothing', async () => {
    const alice = await desks.registered('101');
    const options = await alice.openOptions();
    const section = options.getByRole('region', { name: 'Call queues' });
    await section.getByRole('button', { name: 'Add queue' }).click();
    const first = section.getByRole('group', { name: 'Queue 1' });
    await first.getByRole('textbox', { name: 'Name', exact: true }).fill('Support');
    await first.getByRole('textbox', { name: 'Queue extension' }).fill('500');
    await first.getByRole('textbox', { name: 'Agent connection code' }).fill('*5A');
    await first.getByRole('textbox', { name: 'Agent disconnection code' }).fill('*52');
    await section.getByRole('button', { name: 'Save queues' }).click();
    await expect.poll(() => first.getByText('use digits, * and # only').isVisible()).toBe(true);
    expect(await first.getByRole('textbox', { name: 'Agent connection code' }).getAttribute('aria-invalid')).toBe('true');
    expect(await (await alice.serviceWorker()).evaluate(async () => (await chrome.storage.local.get('queueSettings')).queueSettings)).toBeUndefined();

    await first.getByRole('textbox', { name: 'Agent connection code' }).fill('*51');
    await section.getByRole('combobox', { name: 'Agent type' }).selectOption('dynamic');
    await section.getByRole('button', { name: 'Save queues' }).click();
    await expect.poll(() => section.getByRole('status').textContent()).toBe('Saved');

    const download = options.waitForEvent('download');
    await section.getByRole('button', { name: 'Export queues' }).click();
    const file = await (await download).createReadStream();
    const chunks: Buffer[] = [];
    for await (const chunk of file) chunks.push(chunk as Buffer);
    const exported = JSON.parse(Buffer.concat(chunks).toString('utf8'));
    expect(exported.queues).toEqual([{ ...support, loginCode: '*51', agent: 'dynamic', callerNamePrefix: '' }]);

    const importer = section.getByLabel('Import queues (JSON file)');
    const bad = { queues: [...exported.queues, { name: 'Sales', extension: '501', loginCode: '*51', logoutCode: '*54' }] };
    await importer.setInputFiles({ name: 'queues.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(bad)) });
    await expect
      .poll(() => section.getByRole('alert').textContent())
      .toBe('Nothing imported: queue 2, Agent connection code: this number is already used by another queue or code');
    const stored = async () =>
      (await alice.serviceWorker()).evaluate(async () => (await chrome.storage.local.get('queueSettings')).queueSettings as QueueSettings);
    expect((await stored()).queues).toHaveLength(1);

    const good = { queues: [...exported.queues, { name: 'Sales', extension: '501', loginCode: '*53', logoutCode: '*54' }] };
    await importer.setInputFiles({ name: 'queues.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(good)) });
    const preview = section.getByRole('region', { name: 'Import preview' });
    await expect.poll(() => preview.getByRole('listitem').textContent()).toContain('Sales (501, *53/*54, dynamic)');
    expect((await stored()).queues).toHaveLength(1);
    await preview.getByRole('button', { name: 'Apply' }).click();
    await expect.poll(() => section.getByRole('status').textContent()).toBe('Imported and saved 2 queues');
    expect((await stored()).queues.map((q) => q.name)).toEqual(['Support', 'Sales']);
    expect(await section.getByRole('group', { name: 'Queue 2' }).getByRole('textbox', { name: 'Name', exact: true }).inputValue()).toBe('Sales');
  });
});
