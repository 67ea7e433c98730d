import { describe, expect, test } from 'vitest';
import { callFromTrunk } from '../pbx/trunk';
import { badgeText, dial, usePbx } from './harness/phone';

const env = usePbx();

describe('recent calls', () => {
  test('calls are listed, missed ones counted until seen, kept across a browser restart, and redialled with a click', async () => {
    const alice = await env.desks.registered('101');
    const bob = await env.desks.registered('102');
    const [alicePopup, bobPopup] = await Promise.all([alice.openPopup(), bob.openPopup()]);

    await dial(alicePopup, '102');
    await bobPopup.getByRole('region', { name: 'Incoming call' }).getByRole('button', { name: 'Answer' }).click();
    await alice.waitForSnapshot((s) => s.calls[0]?.state === 'active', 'talking');
    await alicePopup.getByRole('button', { name: 'Hang up' }).click();
    await alicePopup.close();
    await callFromTrunk(env.pbx, '101', 1, 1000, { callerName: 'Customer' });
    await alice.waitForSnapshot((s) => s.calls.length === 0 && s.lastEndedCall?.remoteName === 'Customer', 'missed call over');
    await expect.poll(() => badgeText(alice)).toBe('1');

    await alice.restart();
    await alice.waitUntilRegistered();
    await expect.poll(() => badgeText(alice)).toBe('1');
    const popup = await alice.openPopup();
    const recentTab = popup.getByRole('tab', { name: /Recent/ });
    await expect.poll(() => recentTab.textContent()).toBe('Recent1');
    await recentTab.click();
    const list = popup.getByRole('list', { name: 'Recent calls' });
    await expect.poll(() => list.getByRole('listitem').count()).toBe(2);
    await expect.poll(() => list.getByRole('listitem').first().textContent()).toContain('Customer');
    await expect(list.getByRole('img', { name: 'Missed' }).count()).resolves.toBe(1);
    await expect(list.getByRole('img', { name: 'Outgoing' }).count()).resolves.toBe(1);
    await expect.poll(() => badgeText(alice)).toBe('');

    await list.getByRole('button', { name: 'Call 102' }).click();
    await bob.waitForSnapshot((s) => s.calls[0]?.state === 'incoming' && s.calls[0].remoteNumber === '101', 'bob rings again');
  });

  test('the list can be cleared after a confirmation', async () => {
    const alice = await env.desks.registered('101');
    await callFromTrunk(env.pbx, '101', 1, 500);
    await alice.waitForSnapshot((s) => s.lastEndedCall !== null, 'a call logged');
    const popup = await alice.openPopup();
    await popup.getByRole('tab', { name: /Recent/ }).click();
    await popup.getByRole('button', { name: 'Clear recent calls' }).click();
    await popup.getByRole('button', { name: 'Clear all recent calls' }).click();
    await expect.poll(() => popup.getByText('No calls yet').isVisible()).toBe(true);
  });

  test('a damaged stored list does not blank the popup: a null list reads as no calls', async () => {
    const alice = await env.desks.registered('101');
    await (await alice.serviceWorker()).evaluate(() => chrome.storage.local.set({ recentCalls: null }));
    const popup = await alice.openPopup();
    await expect.poll(() => popup.getByRole('textbox', { name: 'Number to call' }).count()).toBe(1);
    await popup.getByRole('tab', { name: /Recent/ }).click();
    await expect.poll(() => popup.getByText('No calls yet').isVisible()).toBe(true);
  });

  test('calling back a feature code the caller chose (*21*…#, call forwarding) asks first, and Cancel dials nothing', async () => {
    const alice = await env.desks.registered('101');
    const code = '*21*0470000000#';
    await callFromTrunk(env.pbx, '101', 1, 500, { from: code, callerName: 'Mallory' });
    await alice.waitForSnapshot((s) => s.calls.length === 0 && s.lastEndedCall?.remoteNumber === code, 'the missed call logged');
    const popup = await alice.openPopup();
    await popup.getByRole('tab', { name: /Recent/ }).click();
    const since = Date.now();
    const callBack = popup.getByRole('button', { name: 'Call Mallory' });
    await callBack.click();
    const question = popup.getByRole('alert').filter({ hasText: 'is a feature code the caller chose' });
    await expect.poll(() => question.count()).toBe(1);
    expect(await question.textContent()).toContain(code);
    await question.getByRole('button', { name: 'Cancel' }).click();
    await expect.poll(() => question.count()).toBe(0);
    await popup.waitForTimeout(1000);
    expect(env.pbx.requests(since).filter((r) => r.method === 'INVITE')).toEqual([]);
    expect((await alice.snapshot()).calls).toEqual([]);

    // Asked, and confirmed: then it is dialled.
    await callBack.click();
    await question.getByRole('button', { name: `Dial ${code} anyway` }).click();
    await env.pbx.waitForRequest('INVITE', /^sip:\*21\*0470000000/, { since });
    await alice.waitForSnapshot((s) => s.calls.length === 0, 'the feature code call over');
  });
});
