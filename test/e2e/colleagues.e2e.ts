import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import type { ColleagueSettings } from '../../src/colleagues';
import type { Agent } from './harness/browser';
import { connect, dial, usePbx } from './harness/phone';

const phone = usePbx({ presence: true });

const everyone: ColleagueSettings = {
  colleagues: [
    { name: 'Alice', extension: '101' },
    { name: 'Bob', extension: '102' },
    { name: 'Carol', extension: '103' },
  ],
  quickCalls: [],
  pickupCode: '**',
};

/** Stores colleague settings the way the settings page does, through the service worker. */
async function withColleagues(agent: Agent, settings: ColleagueSettings = everyone): Promise<void> {
  const page = await agent.openOptions();
  const result = await page.evaluate(
    (s) => chrome.runtime.sendMessage({ to: 'background', type: 'saveColleagueSettings', payload: { settings: s } }),
    settings,
  );
  expect(result).toEqual({ ok: true });
  await page.close();
}

async function colleaguesTab(agent: Agent): Promise<Page> {
  const popup = await agent.openPopup();
  await popup.getByRole('tab', { name: 'Colleagues' }).click();
  return popup;
}

const colleague = (popup: Page, name: string, state: string) =>
  popup.getByRole('list', { name: 'Colleagues' }).getByRole('listitem', { name: `${name}, ${state}` });

/** Records when each list item's accessible name first appears in the page. */
async function watchLabels(page: Page): Promise<void> {
  await page.evaluate(() => {
    const seenAt: Record<string, number> = {};
    (window as unknown as { seenAt: Record<string, number> }).seenAt = seenAt;
    const note = (): void => {
      for (const item of document.querySelectorAll('li[aria-label]')) seenAt[item.getAttribute('aria-label')!] ??= Date.now();
    };
    new MutationObserver(note).observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
  });
}

describe('colleagues at a glance', () => {
  test("a colleague's phone shows free, ringing, in a call and free again as their call goes", async () => {
    const carol = await phone.desks.registered('103');
    await withColleagues(carol);
    const tab = await colleaguesTab(carol);
    await expect.poll(() => colleague(tab, 'Bob', 'free').count(), { timeout: 15_000 }).toBe(1);
    await expect.poll(() => colleague(tab, 'Alice', 'free').count()).toBe(1);

    const alice = await phone.desks.registered('101');
    const bob = await phone.desks.registered('102');
    const [alicePopup, bobPopup] = [await alice.openPopup(), await bob.openPopup()];
    await watchLabels(tab);
    const callStarted = Date.now();
    await dial(alicePopup, '102');
    await expect.poll(() => colleague(tab, 'Bob', 'ringing').count(), { timeout: 10_000 }).toBe(1);
    // From the PBX sending the NOTIFY to the tab showing it.
    const notified = phone.pbx.logEntries(callStarted).find((l) => /LOCAL NOTIFY from 102 to 103 /.test(l.text))!.at;
    const shown = await tab.evaluate(() => (window as unknown as { seenAt: Record<string, number> }).seenAt['Bob, ringing']!);
    console.info(`colleague state change, PBX NOTIFY to tab: ${shown - notified} ms`);
    expect(shown - notified).toBeLessThan(1000);
    await expect.poll(() => colleague(tab, 'Alice', 'in a call').count()).toBe(1);

    await bobPopup
      .getByRole('region', { name: 'Incoming call' })
      .getByRole('button', { name: /^Answer/ })
      .click();
    await expect.poll(() => colleague(tab, 'Bob', 'in a call').count(), { timeout: 10_000 }).toBe(1);
    await expect.poll(() => colleague(tab, 'Alice', 'in a call').count()).toBe(1);

    await bobPopup.getByRole('button', { name: 'Hang up' }).click();
    await expect.poll(() => colleague(tab, 'Bob', 'free').count(), { timeout: 10_000 }).toBe(1);
    await expect.poll(() => colleague(tab, 'Alice', 'free').count()).toBe(1);
    // The PBX's load for this agent: one call between two watched colleagues, rung, answered, ended.
    const notifies = phone.pbx.logLines(callStarted).filter((l) => /LOCAL NOTIFY from \S+ to 103 /.test(l)).length;
    console.info(`NOTIFYs to the watching agent for one call between two colleagues: ${notifies}`);
    expect(notifies).toBeLessThanOrEqual(12);
  });

  test('a call to a colleague from the tab, and a transfer to a free colleague from the call', async () => {
    const [alice, bob, carol] = [await phone.desks.registered('101'), await phone.desks.registered('102'), await phone.desks.registered('103')];
    await withColleagues(alice);
    const [bobPopup, carolPopup] = [await bob.openPopup(), await carol.openPopup()];
    const tab = await colleaguesTab(alice);
    await expect.poll(() => colleague(tab, 'Bob', 'free').count(), { timeout: 15_000 }).toBe(1);
    await tab.getByRole('button', { name: 'Call Bob' }).click();
    await bobPopup
      .getByRole('region', { name: 'Incoming call' })
      .getByRole('button', { name: /^Answer/ })
      .click();
    await alice.waitForSnapshot((s) => s.calls.some((c) => c.state === 'active'), 'Alice talking to Bob');

    await tab.getByRole('button', { name: 'Transfer' }).click();
    const picker = tab.getByRole('group', { name: 'Colleagues to transfer to' });
    await expect.poll(() => picker.getByRole('button', { name: 'Carol, free' }).count()).toBe(1);
    await expect.poll(() => picker.getByRole('button', { name: 'Bob, in a call' }).count()).toBe(1);
    await picker.getByRole('button', { name: 'Carol, free' }).click();
    expect(await tab.getByRole('textbox', { name: 'Transfer to' }).inputValue()).toBe('103');
    await tab.getByRole('button', { name: 'Transfer now' }).click();
    // The softphone asks the transferred party before it dials anyone.
    await bobPopup.getByRole('alertdialog', { name: 'Transfer request' }).getByRole('button', { name: 'Accept transfer' }).click({ timeout: 10_000 });
    await carolPopup
      .getByRole('region', { name: 'Incoming call' })
      .getByRole('button', { name: /^Answer/ })
      .click();
    await carol.waitForSnapshot((s) => s.calls.some((c) => c.state === 'active' && c.remoteNumber === '102'), 'Carol talking to Bob');
    await alice.waitForSnapshot((s) => s.calls.length === 0, 'Alice out of the call');
    await expect.poll(() => colleague(tab, 'Carol', 'in a call').count(), { timeout: 10_000 }).toBe(1);
    await carolPopup.getByRole('button', { name: 'Hang up' }).click();
    await expect.poll(() => colleague(tab, 'Bob', 'free').count(), { timeout: 10_000 }).toBe(1);
  });

  test('colleagues entered in Settings appear on the tab; a wrong extension is refused and keeps what was saved', async () => {
    const carol = await phone.desks.registered('103');
    const options = await carol.openOptions();
    const section = options.getByRole('region', { name: 'Colleagues and quick calls' });
    await section.getByRole('button', { name: 'Add a colleague' }).click();
    await section.getByRole('textbox', { name: 'Name' }).fill('Bob');
    await section.getByRole('textbox', { name: 'Extension' }).fill('102');
    await section.getByRole('button', { name: 'Save colleagues' }).click();
    await section.getByText('Saved', { exact: true }).waitFor();
    const tab = await colleaguesTab(carol);
    await expect.poll(() => colleague(tab, 'Bob', 'free').count(), { timeout: 15_000 }).toBe(1);

    await section.getByRole('textbox', { name: 'Extension' }).fill('bob');
    await section.getByRole('button', { name: 'Save colleagues' }).click();
    await section.getByText('Not a number the phone can dial').waitFor();
    const stored = await carol.command<{ colleagues: unknown[] }>('colleaguesForSoftphone');
    expect(stored.colleagues).toEqual([{ name: 'Bob', extension: '102' }]);
    expect(await colleague(tab, 'Bob', 'free').count()).toBe(1);
  });

  test('a quick call dials its number in one click', async () => {
    const carol = await phone.desks.registered('103');
    await withColleagues(carol, { ...everyone, quickCalls: [{ name: 'Announcements', number: '*45' }] });
    const tab = await colleaguesTab(carol);
    await tab.getByRole('list', { name: 'Quick calls' }).getByRole('button', { name: 'Call Announcements *45' }).click();
    await phone.pbx.waitForRequest('INVITE', /^sip:\*45@/);
    await carol.waitForSnapshot((s) => s.calls.some((c) => c.remoteNumber === '*45'), 'the quick call placed');
  });

  test("Pick up takes the call ringing at a colleague's phone", async () => {
    const [alice, bob, carol] = [await phone.desks.registered('101'), await phone.desks.registered('102'), await phone.desks.registered('103')];
    await withColleagues(carol);
    const tab = await colleaguesTab(carol);
    await expect.poll(() => colleague(tab, 'Bob', 'free').count(), { timeout: 15_000 }).toBe(1);
    await dial(await alice.openPopup(), '102');
    await bob.waitForSnapshot((s) => s.calls.some((c) => c.state === 'incoming'), 'Bob ringing');
    await expect.poll(() => colleague(tab, 'Bob', 'ringing').count(), { timeout: 10_000 }).toBe(1);
    await tab.getByRole('button', { name: 'Pick up the call ringing for Bob' }).click();
    await carol.waitForSnapshot((s) => s.calls.some((c) => c.state === 'active' && c.remoteNumber === '101'), 'Carol talking to Alice');
    await alice.waitForSnapshot((s) => s.calls.some((c) => c.state === 'active'), 'Alice talking');
    await bob.waitForSnapshot((s) => s.calls.length === 0, 'Bob no longer ringing');
    expect(phone.pbx.logLines().some((l) => /PICKUP 102 BY 103 CALL/.test(l))).toBe(true);
    await carol.command('hangup', { callId: (await carol.snapshot()).calls[0]!.id });
    await expect.poll(() => colleague(tab, 'Alice', 'free').count(), { timeout: 10_000 }).toBe(1);
  });

  test("subscriptions come back after the PBX restarts, and a colleague's state is live again", async () => {
    const carol = await phone.desks.registered('103');
    await withColleagues(carol);
    const tab = await colleaguesTab(carol);
    await expect.poll(() => colleague(tab, 'Bob', 'free').count(), { timeout: 15_000 }).toBe(1);
    await phone.pbx.killSipServer();
    await expect.poll(() => colleague(tab, 'Bob', 'unknown').count(), { timeout: 15_000 }).toBe(1);
    const restarted = Date.now();
    await phone.pbx.restartSipServer();
    await carol.waitUntilRegistered();
    await phone.pbx.waitForRequest('SUBSCRIBE', /sip:102@/, { since: restarted, timeoutMs: 30_000 });
    await expect.poll(() => colleague(tab, 'Bob', 'free').count(), { timeout: 30_000 }).toBe(1);
    const [alice, bob] = [await phone.desks.registered('101'), await phone.desks.registered('102')];
    await connect(alice, await alice.openPopup(), bob, await bob.openPopup(), '102');
    await expect.poll(() => colleague(tab, 'Bob', 'in a call').count(), { timeout: 10_000 }).toBe(1);
  });
});
