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
    await expect.poll(() => sw.evaluate(async () => ((await chrome.storage.local.get('preferences')).preferences as { declineWith?: number } | undefined)?.declineWith)).toBe(603);

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
    await alice.waitForSnapshot((s) => s.lastEndedCall?.remoteNumber === '*45' && s.lastEndedCall.answeredAt !== null, 'the voicemail call answered and ended', 15_000);

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
});
