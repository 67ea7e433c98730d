import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { TestPbx } from '../pbx/pbx';
import { Agent } from './harness/browser';
import { HOST, TRICK_BUTTONS, TRICKS } from './harness/clickTricks';
import { isolatedWorld } from './harness/isolatedWorld';
import { extensionWithLoopbackGranted, TestSite } from './harness/testSite';

// M1: the click guard of click-to-call's buttons, attacked by a page, in Chromium. "Call at once"
// is on throughout: a click the guard lets through dials, so each trick that fooled it would show
// as an INVITE at the PBX. (The same tricks in Firefox: firefox.e2e.ts.)

let pbx: TestPbx;
let site: TestSite;
let agent: Agent;
let extension: ReturnType<typeof extensionWithLoopbackGranted>;
let probe: Page | null = null;

async function softphoneShows(): Promise<string | null> {
  probe ??= await agent.openOptions();
  return probe.evaluate(() => {
    const view = chrome.extension.getViews().find((w) => w.location.pathname.endsWith('/extension/popup.html'));
    return view?.document.querySelector<HTMLInputElement>('input[aria-label="Number to call"]')?.value ?? null;
  });
}

async function closeSoftphone(): Promise<void> {
  probe ??= await agent.openOptions();
  await probe.evaluate(() => {
    for (const view of chrome.extension.getViews()) if (view.location.pathname.endsWith('/extension/popup.html')) view.close();
  });
}

/** Waits for `check` outside a test (expect.poll is for tests only). */
async function until(check: () => Promise<boolean>, what: string): Promise<void> {
  const deadline = Date.now() + 15_000;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

const invites = (since: number) => pbx.requests(since).filter((r) => r.method === 'INVITE');

async function centreOf(tab: Page, id: string): Promise<{ x: number; y: number }> {
  const box = (await tab.locator(`#${id} ${HOST}`).boundingBox())!;
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

beforeAll(async () => {
  pbx = await TestPbx.start();
  site = await TestSite.start({ '/tricks': TRICKS });
  extension = extensionWithLoopbackGranted();
  agent = await Agent.launch({ extensionDir: extension.dir });
  await agent.configure({ username: '101', password: 'alice-secret', domain: pbx.domain, websocketUrl: pbx.wsUrl });
  await agent.waitUntilRegistered();
  const sw = await agent.serviceWorker();
  await sw.evaluate(() => chrome.storage.local.set({ callerId: { homeCountry: 'BE' } }));
  const result = await agent.command<{ ok: boolean }>('setClickToCallSite', { site: site.origin.replace(/:\d+$/, ''), enabled: true });
  if (!result.ok) throw new Error(`click-to-call not enabled: ${JSON.stringify(result)}`);
  const options = await agent.openOptions();
  await options.getByRole('checkbox', { name: /Call at once/ }).click();
  await until(() => options.getByRole('checkbox', { name: /Call at once/ }).isChecked(), '"call at once" on');
  await options.close();
});
afterAll(async () => {
  await agent?.close();
  extension?.remove();
  await site?.stop();
  await pbx?.stop();
});

describe('the click guard, in Chromium, with "call at once" on', () => {
  let tab: Page;
  beforeAll(async () => {
    tab = await agent.context.newPage();
    await tab.setViewportSize({ width: 1000, height: 800 });
    await tab.goto(site.url('/tricks'));
    await until(async () => (await tab.locator(HOST).count()) === TRICK_BUTTONS, 'the call buttons');
    await tab.evaluate(() => (window as unknown as { pinhole(): void }).pinhole());
    await tab.waitForTimeout(600); // every button has been where it is for longer than the guard's 300 ms
  });

  /** Hovers the button a while, as a person would, then clicks its centre. */
  async function clickButton(id: string): Promise<void> {
    const { x, y } = await centreOf(tab, id);
    await tab.mouse.move(x - 40, y);
    await tab.mouse.move(x, y, { steps: 4 });
    await tab.waitForTimeout(350);
    await tab.mouse.click(x, y);
    await tab.waitForTimeout(1200);
  }

  // What the guard can see is refused outright (the softphone stays closed); what it cannot see
  // through opens the softphone with the number, for the agent to confirm. Nothing dials.
  test.each([
    ['filter: opacity(0) on an ancestor', 'filter', null],
    ['a mask that hides everything', 'mask', '+3225557002'],
    ['a clip path that cuts the button out', 'clip', null],
    ['an overlay drawn over the button that lets clicks through (pointer-events: none)', 'overlay', null],
    ['a clip path that leaves a 2 px dot of the button, at the click point', 'pinhole', '+3225557006'],
  ])('%s: the click dials nothing', async (_, id, opens) => {
    const since = Date.now();
    await clickButton(id);
    if (opens !== null) await expect.poll(softphoneShows, { timeout: 10_000 }).toBe(opens);
    else expect(await softphoneShows()).toBeNull();
    expect(invites(since)).toEqual([]);
    expect((await agent.snapshot()).calls).toEqual([]);
    await closeSoftphone();
    await tab.bringToFront(); // the softphone's window may have come over the page's
  });

  test('a button that grows under the waiting pointer just before the click dials nothing', async () => {
    const since = Date.now();
    const { x, y } = await centreOf(tab, 'grow');
    await tab.mouse.move(x - 40, y);
    await tab.mouse.move(x, y, { steps: 4 });
    await tab.waitForTimeout(500);
    // Its text's font grows by half: the button is bigger and further right, its age counts from now.
    const grown = await tab.evaluate(() => (window as unknown as { grow(): { x: number; y: number } }).grow());
    await tab.mouse.click(grown.x, grown.y);
    await tab.waitForTimeout(1200);
    expect(invites(since)).toEqual([]);
    expect(await softphoneShows()).toBeNull();
    // The click was on the button: once it has stayed as it is a while, the same click dials.
    await tab.mouse.move(grown.x + 30, grown.y, { steps: 3 });
    await tab.waitForTimeout(400);
    await tab.mouse.move(grown.x, grown.y, { steps: 3 });
    await tab.mouse.click(grown.x, grown.y);
    await pbx.waitForRequest('INVITE', /3225557007/, { since });
    await agent.waitForSnapshot((s) => s.calls.length === 0, 'the call to end (the test PBX has no such number)');
  });

  test('an old button slid under the waiting pointer just before the click dials nothing', async () => {
    const since = Date.now();
    const decoy = (await tab.locator('#decoy').boundingBox())!;
    const [x, y] = [decoy.x + decoy.width / 2, decoy.y + decoy.height / 2];
    await tab.mouse.move(x, y, { steps: 5 });
    await tab.waitForTimeout(500); // the agent is about to press "Play"
    await tab.evaluate(([px, py]) => (window as unknown as { slideUnder(x: number, y: number): void }).slideUnder(px!, py!), [x, y]);
    await tab.mouse.click(x, y);
    await tab.waitForTimeout(1200);
    expect(invites(since)).toEqual([]);
    expect(await softphoneShows()).toBeNull();
    // Left where it is, the same button takes the click once it has stayed put a while.
    await tab.mouse.move(x + 30, y, { steps: 3 });
    await tab.waitForTimeout(400);
    await tab.mouse.move(x, y, { steps: 3 });
    await tab.mouse.click(x, y);
    await pbx.waitForRequest('INVITE', /3225557005/, { since });
    await agent.waitForSnapshot((s) => s.calls.length === 0, 'the call to end (the test PBX has no such number)');
  });

  test('when the visibility check never answers, a click on the visible button opens the softphone to confirm and dials nothing', async () => {
    const late = await agent.context.newPage();
    await late.setViewportSize({ width: 1000, height: 800 });
    await late.goto(site.url('/tricks'));
    await until(async () => (await late.locator(HOST).count()) === TRICK_BUTTONS, 'the call buttons');
    // In the content script's own world, observers that track visibility (IntersectionObserver v2) never report.
    const cdp = await agent.context.newCDPSession(late);
    const world = await isolatedWorld(cdp, agent.extensionId);
    const silenced = `(() => {
      const Real = IntersectionObserver;
      globalThis.IntersectionObserver = class extends Real {
        constructor(report, options) { super(options?.trackVisibility ? () => {} : report, options); }
      };
      return 'silenced';
    })()`;
    expect((await cdp.send('Runtime.evaluate', { contextId: world, expression: silenced, returnByValue: true })).result.value).toBe('silenced');
    await cdp.detach();
    await late.waitForTimeout(600);
    const since = Date.now();
    const { x, y } = await centreOf(late, 'control');
    await late.mouse.move(x - 40, y);
    await late.mouse.move(x, y, { steps: 4 });
    await late.waitForTimeout(350);
    await late.mouse.click(x, y);
    await expect.poll(softphoneShows, { timeout: 10_000 }).toBe('+3225557000');
    await late.waitForTimeout(500);
    expect(invites(since)).toEqual([]);
    expect((await agent.snapshot()).calls).toEqual([]);
    await closeSoftphone();
    await late.close();
    await tab.bringToFront();
  });

  test('the visible button that has stayed put dials at once: the checks above did not pass by luck', async () => {
    const since = Date.now();
    const { x, y } = await centreOf(tab, 'control');
    await tab.mouse.move(x - 40, y);
    await tab.mouse.move(x, y, { steps: 4 });
    await tab.mouse.click(x, y);
    await pbx.waitForRequest('INVITE', /3225557000/, { since });
    await agent.waitForSnapshot((s) => s.calls.length === 0, 'the call to end (the test PBX has no such number)');
  });
});
