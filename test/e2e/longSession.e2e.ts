import type { CDPSession, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { Agent } from './harness/browser';
import { isolatedWorld } from './harness/isolatedWorld';
import { extensionWithLoopbackGranted, TestSite } from './harness/testSite';

// Click-to-call in a long single-page session: an agent keeps one CRM tab open all day while it
// loads and drops thousands of rows, and turns the site off and on again without reloading.

const HOST = 'voip-widget-call';
const ROWS = 10_000;
const ROUNDS = 20;

const page = (title: string, body: string): string =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title></head><body>${body}</body></html>`;

const pages = {
  '/churn': page(
    'Call list',
    `
    <table><tbody id="rows"></tbody></table>
    <script>
      // A single-page app showing one list of customers after another, keeping nothing of the last.
      window.showRows = (count, round) => {
        const html = [];
        for (let i = 0; i < count; i++) html.push('<tr><td>Customer ' + round + '-' + i + '</td><td>04 2' + String(100000 + i).slice(1) + ' ' + String(10 + round) + '</td></tr>');
        document.getElementById('rows').innerHTML = html.join('');
      };
      window.clearRows = () => document.getElementById('rows').replaceChildren();
    </script>`,
  ),
  '/contacts': page('Contacts', `<p id="anna">Anna: 02 555 12 34</p><p id="bob">Bob: 0470 12 34 56</p>`),
};

let site: TestSite;
let agent: Agent;
let extension: ReturnType<typeof extensionWithLoopbackGranted>;

async function tabIdOf(url: string): Promise<number> {
  const sw = await agent.serviceWorker();
  return sw.evaluate(async (u) => (await chrome.tabs.query({})).find((tab) => tab.url === u)!.id!, url);
}

/** The agent turns click-to-call on or off for the test site from the popup, opened over the page's tab. */
async function toggleFromPopup(over: Page, to: 'on' | 'off'): Promise<void> {
  const popup = await agent.context.newPage();
  await popup.goto(agent.url(`extension/popup.html?tab=${await tabIdOf(over.url())}`));
  const [press, then] =
    to === 'on'
      ? ['Enable click-to-call on 127.0.0.1', 'Turn off click-to-call on 127.0.0.1']
      : ['Turn off click-to-call on 127.0.0.1', 'Enable click-to-call on 127.0.0.1'];
  await popup.getByRole('button', { name: press }).click();
  await expect.poll(() => popup.getByRole('button', { name: then }).count()).toBe(1);
  await popup.close();
}

interface Memory {
  /** DOM nodes alive in the page's renderer, detached ones included, after a full garbage collection. */
  nodes: number;
  /** The JS heap in use, read from the content script's world (it shares the page's heap). */
  heapMB: number;
}

async function memory(cdp: CDPSession, world: number): Promise<Memory> {
  for (let i = 0; i < 3; i++) await cdp.send('HeapProfiler.collectGarbage');
  const { nodes } = (await cdp.send('Memory.getDOMCounters')) as { nodes: number };
  const heap = await cdp.send('Runtime.evaluate', { contextId: world, expression: 'performance.memory.usedJSHeapSize', returnByValue: true });
  return { nodes, heapMB: Math.round(((heap.result.value as number) / 1048576) * 10) / 10 };
}

beforeAll(async () => {
  site = await TestSite.start(pages);
  extension = extensionWithLoopbackGranted();
  agent = await Agent.launch({ extensionDir: extension.dir });
  // The caller ID settings name the home country: national numbers are read as Belgian.
  await (await agent.serviceWorker()).evaluate(() => chrome.storage.local.set({ callerId: { homeCountry: 'BE' } }));
});
afterAll(async () => {
  await agent?.close();
  extension?.remove();
  await site?.stop();
});

describe('click-to-call in a long single-page session', () => {
  test(`${ROWS.toLocaleString('en')} rows shown and dropped ${ROUNDS} times: the content script keeps nothing of the dropped rows`, async () => {
    const tab = await agent.context.newPage();
    await tab.goto(site.url('/churn'));
    await toggleFromPopup(tab, 'on');
    const cdp = await agent.context.newCDPSession(tab);
    const world = await isolatedWorld(cdp, agent.extensionId);
    const buttons = () => tab.locator(`#rows ${HOST}`).count();
    // Buttons are made for the numbers near the viewport: the last row's, once scrolled to, shows the whole list was read.
    const round = async (n: number): Promise<void> => {
      await tab.evaluate(([count, r]) => (window as unknown as { showRows(c: number, r: number): void }).showRows(count!, r!), [ROWS, n]);
      await expect.poll(() => tab.locator(`#rows > :first-child ${HOST}`).count(), { timeout: 30_000 }).toBe(1);
      await tab.locator('#rows > :last-child').scrollIntoViewIfNeeded();
      await expect.poll(() => tab.locator(`#rows > :last-child ${HOST}`).count(), { timeout: 30_000 }).toBe(1);
      expect(await buttons()).toBeLessThan(ROWS / 10);
      await tab.evaluate(() => scrollTo(0, 0));
      await tab.evaluate(() => (window as unknown as { clearRows(): void }).clearRows());
      await expect.poll(buttons).toBe(0);
    };

    await round(0); // warm: libphonenumber's patterns compiled, the script's own structures made
    const before = await memory(cdp, world);
    const rounds: Memory[] = [];
    for (let n = 1; n <= ROUNDS; n++) {
      await round(n);
      rounds.push(await memory(cdp, world));
    }
    // The script lets go of removed rows in its own time slices: a leak never gets there.
    let after = await memory(cdp, world);
    for (let wait = 0; wait < 20 && after.nodes - before.nodes >= 2000; wait++) {
      await new Promise((r) => setTimeout(r, 500));
      after = await memory(cdp, world);
    }
    console.log(
      `click-to-call, ${ROUNDS} rounds of ${ROWS} rows shown and dropped: DOM nodes ${before.nodes} before, ${after.nodes} after; ` +
        `JS heap ${before.heapMB} MB before, ${after.heapMB} MB after; ` +
        `after each round: nodes ${rounds.map((m) => m.nodes).join(' ')}; MB ${rounds.map((m) => m.heapMB).join(' ')}`,
    );

    // One round leaves ~60,000 nodes behind if the rows are kept (row, cells, texts, button host).
    expect(after.nodes - before.nodes).toBeLessThan(2000);
    expect(after.heapMB - before.heapMB).toBeLessThan(4);
    // And it still works: a new list gets its buttons.
    await tab.evaluate(() => (window as unknown as { showRows(c: number, r: number): void }).showRows(50, 21));
    await expect.poll(buttons).toBe(50);
    await cdp.detach();
    await tab.close();
  }, 300_000);

  test('turning the site off and on again in the same tab brings the buttons back, without a reload', async () => {
    const tab = await agent.context.newPage();
    await tab.goto(site.url('/contacts'));
    // Enabled by the test before: the registered script has run in this page.
    await expect.poll(() => tab.locator(HOST).count()).toBe(2);
    await toggleFromPopup(tab, 'off');
    await expect.poll(() => tab.locator(HOST).count()).toBe(0);
    await toggleFromPopup(tab, 'on');
    await expect.poll(() => tab.locator(HOST).count()).toBe(2);
    await toggleFromPopup(tab, 'off');
    await expect.poll(() => tab.locator(HOST).count()).toBe(0);
    await toggleFromPopup(tab, 'on');
    await expect.poll(() => tab.locator(`#anna ${HOST}`).count()).toBe(1);
    expect(await tab.locator(HOST).count()).toBe(2);
    await tab.close();
  });

  test('the content script cannot read storage.local (the account without its password, recent calls, settings)', async () => {
    await (await agent.serviceWorker()).evaluate(() => chrome.storage.local.set({ recentCalls: [{ id: 'x', number: '+3225551234' }] }));
    const tab = await agent.context.newPage();
    await tab.goto(site.url('/contacts'));
    await agent.command('setClickToCallSite', { site: 'http://127.0.0.1', enabled: true, tabId: await tabIdOf(tab.url()) });
    await expect.poll(() => tab.locator(HOST).count()).toBe(2);
    const cdp = await agent.context.newCDPSession(tab);
    const world = await isolatedWorld(cdp, agent.extensionId);
    const expression = `(async () => { try { return 'read: ' + JSON.stringify(await chrome.storage.local.get(null)); } catch (error) { return 'refused'; } })()`;
    const { result } = await cdp.send('Runtime.evaluate', { contextId: world, expression, awaitPromise: true, returnByValue: true });
    expect(result.value).toBe('refused');
    await cdp.detach();
    await tab.close();
  });
});
