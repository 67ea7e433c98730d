import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { sendMessageSummary } from '../pbx/mwi';
import { dial, usePbx } from './harness/phone';

const env = usePbx();

describe('call settings', () => {
  test('declining can send 603 Decline instead of busy', async () => {
    const alice = await env.desks.registered('101');
    const bob = await env.desks.registered('102');
    const options = await alice.openOptions();
    await options.getByLabel('Declining a call sends').selectOption('603');
    const sw = await alice.serviceWorker();
    await expect
      .poll(() => sw.evaluate(async () => ((await chrome.storage.local.get('preferences')).preferences as { declineWith?: number } | undefined)?.declineWith))
      .toBe(603);

    const [alicePopup, bobPopup] = await Promise.all([alice.openPopup(), bob.openPopup()]);
    await dial(bobPopup, '101');
    await alicePopup.getByRole('region', { name: 'Incoming call' }).getByRole('button', { name: 'Decline' }).click();
    await expect.poll(() => bobPopup.getByLabel('Last call').textContent()).toContain('Call rejected');
  });

  test('a voicemail notification shows the message count, and the button dials voicemail', async () => {
    const alice = await env.desks.registered('101');
    const options = await alice.openOptions();
    await options.getByLabel('Voicemail number').fill('*45');
    await options.getByLabel('Voicemail number').press('Enter');
    const popup = await alice.openPopup();

    await sendMessageSummary(env.pbx, '101', 3, 7);
    const voicemail = popup.getByRole('button', { name: 'Voicemail: 3 new messages' });
    await expect.poll(() => voicemail.isVisible()).toBe(true);
    expect((await alice.snapshot()).voicemail).toEqual({ waiting: true, newMessages: 3, oldMessages: 7 });

    const since = Date.now();
    await voicemail.click();
    await env.pbx.waitForRequest('INVITE', /^sip:\*45@/, { since });
    await alice.waitForSnapshot(
      (s) => s.lastEndedCall?.remoteNumber === '*45' && s.lastEndedCall.answeredAt !== null,
      'the voicemail call answered and ended',
      15_000,
    );

    await sendMessageSummary(env.pbx, '101', 0, 10);
    await expect.poll(() => voicemail.isVisible()).toBe(false);
  });

  test('ws:// is refused for a public server and, for the loopback test server, saved with a warning', async () => {
    const alice = await env.desks.registered('101');
    const options = await alice.openOptions();
    const url = options.getByLabel('WebSocket URL');
    await expect.poll(() => url.inputValue()).toBe(env.pbx.wsUrl);
    const warning = options.getByRole('note').filter({ hasText: 'Unencrypted (ws://)' });
    // The test PBX listens on loopback: allowed, and the agent is told what unencrypted means.
    expect(env.pbx.wsUrl).toMatch(/^ws:\/\/127\./);
    await expect.poll(() => warning.count()).toBe(1);
    expect(await url.getAttribute('aria-describedby')).toContain('account-websocketUrl-warning');

    await url.fill('ws://pbx.example.com:8080/ws');
    await options.getByRole('region', { name: 'SIP account' }).getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => options.getByText('ws:// (unencrypted) is only for a test server on this machine or a private network').count()).toBe(1);
    expect(await url.getAttribute('aria-invalid')).toBe('true');
    const stored = await (await alice.serviceWorker()).evaluate(() => chrome.storage.local.get('account'));
    expect(stored.account).toMatchObject({ websocketUrl: env.pbx.wsUrl });

    await url.fill('wss://pbx.example.com');
    await expect.poll(() => warning.count()).toBe(0);
  });

  test('a settings file: the stored password never follows the account to another server, and nothing is written before Apply', async () => {
    const alice = await env.desks.registered('101');
    const options = await alice.openOptions();
    const files = options.getByRole('region', { name: 'Settings file' });
    const stored = async () => (await alice.serviceWorker()).evaluate(() => chrome.storage.local.get(['account', 'queueSettings']));
    const before = await stored();
    const pick = (page: Page, content: object) =>
      page
        .getByLabel('Import settings file')
        .setInputFiles({ name: 'queues.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(content)) });
    const queues = {
      queues: [{ name: 'Support', extension: '500', loginCode: '*51', logoutCode: '*52', agent: 'dynamic', callerNamePrefix: '' }],
      reminder: { enabled: true, time: '18:00' },
    };

    // A "queue list" that also moves the account to the attacker's server, without a password.
    const account = { username: '101', domain: env.pbx.domain, displayName: '', iceServers: [], enabled: true };
    await pick(options, { version: 1, queues, account: { ...account, websocketUrl: 'wss://attacker.example.net' } });
    await expect.poll(() => files.getByRole('alert').count()).toBe(1);
    expect(await files.getByRole('alert').textContent()).toContain('the stored password is kept only for the same account');
    expect(await files.getByRole('region', { name: 'Import preview' }).count()).toBe(0);
    expect(await stored()).toEqual(before);

    // The same list for the same account: previewed first, and Cancel writes nothing.
    await pick(options, { version: 1, queues, account: { ...account, websocketUrl: env.pbx.wsUrl, displayName: 'Alice' } });
    const preview = files.getByRole('region', { name: 'Import preview' });
    await expect
      .poll(() => preview.getByRole('listitem').allTextContents())
      .toEqual([
        'SIP account · Display name: (none) → Alice',
        'Call queues · Call queues: (none) → Support (500, *51/*52, dynamic)',
        'Call queues · Reminder time: (none) → 18:00',
      ]);
    expect(await preview.getByRole('alert').count()).toBe(0);
    await options.waitForTimeout(500);
    expect(await stored()).toEqual(before);
    await preview.getByRole('button', { name: 'Cancel' }).click();
    await expect.poll(() => files.getByRole('status').textContent()).toBe('Nothing imported.');
    expect(await stored()).toEqual(before);

    // A file with a password of its own may move the account, but says so, and waits for Apply.
    await pick(options, { version: 1, account: { ...account, websocketUrl: 'wss://other.example.net', password: 'file-secret' } });
    await expect.poll(() => preview.getByRole('alert').textContent()).toContain('moves your SIP account to another user, domain or server');
    expect(await preview.getByRole('listitem').allTextContents()).toContain("SIP account · SIP password: replaced by the file's");
    expect(await stored()).toEqual(before);
    await preview.getByRole('button', { name: 'Cancel' }).click();

    // Applied: written, and the softphone still registered to the same server with its password.
    await pick(options, { version: 1, queues, account: { ...account, websocketUrl: env.pbx.wsUrl, displayName: 'Alice' } });
    await preview.getByRole('button', { name: 'Apply' }).click();
    await expect.poll(() => files.getByRole('status').textContent()).toContain('Imported: account, queues');
    expect((await stored()).account).toMatchObject({ displayName: 'Alice', websocketUrl: env.pbx.wsUrl });
    await alice.waitForSnapshot((s) => s.registration.state === 'registered', 'still registered with the stored password');
  });
});
