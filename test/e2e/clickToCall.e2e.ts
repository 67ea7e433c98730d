import type { Page, Worker } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { TestPbx } from '../pbx/pbx';
import { Agent } from './harness/browser';
import { extensionWithLoopbackGranted, TestSite } from './harness/testSite';

const HOST = 'voip-widget-call';

const page = (title: string, body: string): string =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title></head><body>${body}</body></html>`;

const pages = {
  '/numbers': page(
    'Contacts',
    `
    <h1>Contacts</h1>
    <table>
      <tr><td>Brussels office</td><td id="be-landline">02 555 12 34</td></tr>
      <tr><td>Anna's mobile</td><td id="be-mobile">0470 12 34 56</td></tr>
      <tr><td>Paris</td><td id="fr">+33 1 23 45 67 89</td></tr>
      <tr><td>New York</td><td id="us">+1 (212) 555-0123</td></tr>
      <tr><td>London</td><td id="uk">0044 20 7946 0958</td></tr>
      <tr><td>Order</td><td id="not-a-number">Order 12-34 shipped 2024</td></tr>
    </table>
    <p id="sentence">Call Anna on 02 555 12 34 or Bob on 0470 98 76 54 today.</p>
    <p><a id="tel-link" href="tel:+3225559876">+32 2 555 98 76</a></p>`,
  ),
  '/odoo': page(
    'Odoo - Partner',
    `
    <div class="o_form_view"><div class="o_form_sheet">
      <div class="o_field_widget o_field_phone" name="phone"><a class="o_form_uri" href="tel:+32 2 555 11 11">+32 2 555 11 11</a></div>
      <div class="o_field_widget o_field_phone" name="mobile"><a class="o_form_uri" href="tel:+32470111111">+32 470 11 11 11</a></div>
      <div class="o_field_widget o_field_email" name="email"><a href="mailto:anna@example.com">anna@example.com</a></div>
    </div></div>`,
  ),
  '/spa': page(
    'SPA',
    `
    <div id="app">Loading…</div>
    <script>
      setTimeout(() => {
        const app = document.getElementById('app');
        app.textContent = '';
        const list = document.createElement('ul');
        for (const n of ['02 555 22 22', '+33 1 98 76 54 32']) {
          const li = document.createElement('li'); li.textContent = n; list.append(li);
        }
        app.append(list);
      }, 800);
      setTimeout(() => {
        const li = document.createElement('li'); li.id = 'late'; li.textContent = 'Later: 0470 22 22 22';
        document.querySelector('ul').append(li);
      }, 1600);
    </script>`,
  ),
  '/long': () => {
    const rows = Array.from({ length: 1000 }, (_, i) => `<tr id="row-${i}"><td>Customer ${i}</td><td>04 2${String(100_000 + i).slice(1)} 00</td></tr>`);
    return page('Long list', `<table>${rows.join('')}</table>`);
  },
  '/editing': page(
    'Editing',
    `
    <form><input id="input" value="02 555 33 33"><textarea id="textarea">02 555 33 33</textarea></form>
    <div id="editable" contenteditable="true"><p>02 555 33 33</p></div>
    <pre id="pre">02 555 33 33</pre><code id="code">02 555 33 33</code>
    <script>/* 02 555 33 33 */</script><style>/* 02 555 33 33 */</style>
    <p id="control">02 555 33 33</p>`,
  ),
  '/labels': page(
    'Labels',
    `
    <p>Our helpline: <a id="lying-link" href="tel:+3225550000">+32 2 555 12 34</a></p>
    <p id="text-number">Or call 02 555 12 34</p>`,
  ),
  '/hostile': page(
    'Hostile',
    `
    <p id="victim">02 555 44 44</p>
    <p id="faded" style="opacity: 0.05">02 555 55 55</p>
    <div id="covered-wrap" style="position: relative"><p id="covered">02 555 66 66</p>
      <div id="overlay" style="position: absolute; inset: -10px; background: white"></div></div>
    <script>
      window.attack = () => {
        for (const host of document.querySelectorAll('${HOST}')) {
          host.click();
          host.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true, clientX: 5, clientY: 5 }));
          host.dispatchEvent(new PointerEvent('pointerup', { bubbles: true }));
        }
        for (const message of [{ to: 'background', type: 'clickToCall', payload: { number: '+3225554444', via: 'button' } },
                               { to: 'background', type: 'call', payload: { target: '+3225554444' } }, 'call +3225554444']) {
          window.postMessage(message, '*');
        }
        return typeof chrome !== 'undefined' && chrome.runtime && chrome.runtime.sendMessage ? 'runtime reachable' : 'no runtime';
      };
    </script>`,
  ),
};

let pbx: TestPbx;
let site: TestSite;
let agent: Agent;
let extension: ReturnType<typeof extensionWithLoopbackGranted>;

async function worker(): Promise<Worker> {
  return agent.serviceWorker();
}

async function tabIdOf(url: string): Promise<number> {
  const sw = await worker();
  return sw.evaluate(async (u) => (await chrome.tabs.query({})).find((tab) => tab.url === u)!.id!, url);
}

/** The agent enables click-to-call on the test site from the popup, opened over the page's tab. */
async function enableFromPopup(over: Page): Promise<void> {
  const popup = await agent.context.newPage();
  await popup.goto(agent.url(`extension/popup.html?tab=${await tabIdOf(over.url())}`));
  await popup.getByRole('button', { name: 'Enable click-to-call on 127.0.0.1' }).click();
  await expect.poll(() => popup.getByRole('button', { name: 'Turn off click-to-call on 127.0.0.1' }).count()).toBe(1);
  await popup.close();
}

async function openSite(path: string): Promise<Page> {
  const tab = await agent.context.newPage();
  await tab.goto(site.url(path));
  return tab;
}

const buttonsIn = (tab: Page, selector: string) => tab.locator(`${selector} ${HOST}, ${selector} + ${HOST}`);

let probe: Page | null = null;

/**
 * The tooltips of the call buttons in `tab`, in document order. The buttons are in closed shadow
 * roots, which the page (and Playwright's selectors) cannot enter; the DevTools protocol can.
 */
async function buttonTitles(tab: Page): Promise<string[]> {
  const cdp = await tab.context().newCDPSession(tab);
  type DomNode = { nodeName: string; attributes?: string[]; children?: DomNode[]; shadowRoots?: DomNode[] };
  const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: DomNode };
  await cdp.detach();
  const titles: string[] = [];
  const visit = (node: DomNode): void => {
    if (node.nodeName === 'BUTTON' && node.attributes) {
      const at = node.attributes.indexOf('title');
      if (at >= 0) titles.push(node.attributes[at + 1]!);
    }
    for (const child of [...(node.shadowRoots ?? []), ...(node.children ?? [])]) visit(child);
  };
  visit(root);
  return titles;
}

/**
 * What the softphone popup shows, wherever the extension opened it: the toolbar popup
 * (chrome.action.openPopup, which Playwright does not list as a page: read through
 * chrome.extension.getViews from an extension page) or its fallback window.
 */
async function softphoneShows(): Promise<{ number: string; callEnabled: boolean } | null> {
  probe ??= await agent.openOptions();
  return probe.evaluate(() => {
    const view = chrome.extension.getViews().find((w) => w.location.pathname.endsWith('/extension/popup.html'));
    const input = view?.document.querySelector<HTMLInputElement>('input[aria-label="Number to call"]');
    const call = view?.document.querySelector<HTMLButtonElement>('button.call-button');
    return input ? { number: input.value, callEnabled: call?.disabled === false } : null;
  });
}

async function closeSoftphone(): Promise<void> {
  probe ??= await agent.openOptions();
  await probe.evaluate(() => {
    for (const view of chrome.extension.getViews()) if (view.location.pathname.endsWith('/extension/popup.html')) view.close();
  });
}

async function setCallAtOnce(on: boolean): Promise<void> {
  const options = await agent.openOptions();
  const box = options.getByRole('checkbox', { name: /Call at once/ });
  if ((await box.isChecked()) !== on) await box.click();
  await expect.poll(() => box.isChecked()).toBe(on);
  await options.close();
}

beforeAll(async () => {
  pbx = await TestPbx.start();
  site = await TestSite.start(pages);
  extension = extensionWithLoopbackGranted();
  agent = await Agent.launch({ extensionDir: extension.dir });
  await agent.configure({ username: '101', password: 'alice-secret', domain: pbx.domain, websocketUrl: pbx.wsUrl });
  await agent.waitUntilRegistered();
  // The caller ID settings name the home country: national numbers are read as Belgian.
  await (await worker()).evaluate(() => chrome.storage.local.set({ callerId: { homeCountry: 'BE' } }));
});
afterAll(async () => {
  await agent?.close();
  extension?.remove();
  await site?.stop();
  await pbx?.stop();
});

describe('click-to-call on web pages', () => {
  test('nothing runs on a site until the agent enables it from the popup; then numbers and tel: links get a call button', async () => {
    const tab = await openSite('/numbers');
    await tab.waitForTimeout(500);
    expect(await tab.locator(HOST).count()).toBe(0);

    await enableFromPopup(tab);
    for (const id of ['be-landline', 'be-mobile', 'fr', 'us', 'uk']) await expect.poll(() => buttonsIn(tab, `#${id}`).count(), { message: id }).toBe(1);
    expect(await buttonsIn(tab, '#sentence').count()).toBe(2);
    expect(await buttonsIn(tab, '#tel-link').count()).toBe(1);
    expect(await buttonsIn(tab, '#not-a-number').count()).toBe(0);
    // The page's text is as it was: buttons are added next to it, never into it.
    expect(await tab.locator('#be-landline').evaluate((td) => td.firstChild?.textContent)).toBe('02 555 12 34');

    // A page loaded later gets them from the registered content script.
    const again = await openSite('/numbers');
    await expect.poll(() => buttonsIn(again, '#fr').count()).toBe(1);
    await again.close();
    await tab.close();
  });

  test('clicking a call button opens the softphone with the number, ready to call, and dials nothing by itself', async () => {
    const since = Date.now();
    const tab = await openSite('/numbers');
    await expect.poll(() => buttonsIn(tab, '#be-landline').count()).toBe(1);
    await tab.waitForTimeout(400); // a button that has only just appeared does not take clicks (see judgeClick)
    await buttonsIn(tab, '#be-landline').click();
    await expect.poll(softphoneShows).toEqual({ number: '+3225551234', callEnabled: true });
    expect(pbx.requests(since).filter((r) => r.method === 'INVITE')).toEqual([]);

    // A page's own tel: link, clicked, hands its number over the same way (the open softphone takes it).
    await tab.locator('#tel-link').click();
    await expect.poll(async () => (await softphoneShows())?.number).toBe('+3225559876');
    expect(tab.url()).toBe(site.url('/numbers'));
    await closeSoftphone();
    await tab.close();
  });

  test("a button's tooltip names the number it will dial, not the text the page put around it", async () => {
    const tab = await openSite('/labels');
    await expect.poll(() => buttonTitles(tab)).toEqual(['Call +3225550000', 'Call +3225551234']);
    // Nothing of the extension is web-accessible: a page can neither load its files nor probe for them.
    expect(await (await worker()).evaluate(() => chrome.runtime.getManifest().web_accessible_resources)).toBeUndefined();
    const url = agent.url('src/content/main.js');
    expect(
      await tab.evaluate(
        (u) =>
          fetch(u).then(
            () => 'loaded',
            () => 'refused',
          ),
        url,
      ),
    ).toBe('refused');
    await tab.close();
  });

  test('an Odoo form: each phone field (a tel: link) gets one button, and a click hands over its number', async () => {
    const tab = await openSite('/odoo');
    await expect.poll(() => tab.locator(`[name=phone] ${HOST}`).count()).toBe(1);
    expect(await tab.locator(`[name=mobile] ${HOST}`).count()).toBe(1);
    expect(await tab.locator(`[name=email] ${HOST}`).count()).toBe(0);
    await tab.locator(`[name=mobile] a`).click();
    await expect.poll(async () => (await softphoneShows())?.number).toBe('+32470111111');
    await closeSoftphone();
    await tab.close();
  });

  test('a single-page app: numbers rendered later are found too', async () => {
    const tab = await openSite('/spa');
    await expect.poll(() => tab.locator(`#app li ${HOST}`).count()).toBe(2);
    await expect.poll(() => tab.locator(`#late ${HOST}`).count()).toBe(1);
    await tab.close();
  });

  test('a long list: buttons far from the viewport are shown as the page scrolls to them, and then take clicks', async () => {
    const tab = await openSite('/long');
    await expect.poll(() => tab.locator(`#row-0 ${HOST}`).isVisible()).toBe(true);
    // Only the numbers within a screen or so of the viewport have their buttons made yet.
    await tab.waitForTimeout(500);
    const madeBefore = await tab.locator(HOST).count();
    expect(madeBefore).toBeGreaterThan(10);
    expect(madeBefore).toBeLessThan(500);
    expect(await tab.locator(`#row-999 ${HOST}`).count()).toBe(0);

    await tab.locator('#row-999').scrollIntoViewIfNeeded();
    await expect.poll(() => tab.locator(`#row-999 ${HOST}`).isVisible()).toBe(true);
    await tab.waitForTimeout(400); // a button that has only just appeared does not take clicks
    await tab.locator(`#row-999 ${HOST}`).click();
    await expect.poll(softphoneShows).toEqual({ number: '+32420099900', callEnabled: true });
    await closeSoftphone();
    await tab.close();
  });

  test('inputs, textareas, editable regions, code and scripts are left untouched', async () => {
    const tab = await openSite('/editing');
    await expect.poll(() => buttonsIn(tab, '#control').count()).toBe(1);
    expect(await tab.locator(HOST).count()).toBe(1);
    expect(await tab.locator('#editable').innerHTML()).toBe('<p>02 555 33 33</p>');
    expect(await tab.locator('#textarea').inputValue()).toBe('02 555 33 33');
    await tab.close();
  });

  test('a hostile page cannot place a call: synthetic clicks, messages, a faded or covered button', async () => {
    await setCallAtOnce(true);
    const since = Date.now();
    const tab = await openSite('/hostile');
    await expect.poll(() => tab.locator(HOST).count()).toBe(3);
    await tab.waitForTimeout(400);
    expect(await tab.evaluate(() => (window as unknown as { attack(): string }).attack())).toBe('no runtime');
    // Real (trusted) clicks, but on a button the user cannot see: nearly transparent, or under an overlay.
    await tab.locator(`#faded ${HOST}`).click({ force: true });
    const covered = (await tab.locator(`#covered ${HOST}`).boundingBox())!;
    await tab.mouse.click(covered.x + covered.width / 2, covered.y + covered.height / 2);
    await tab.waitForTimeout(1500);
    expect(pbx.requests(since).filter((r) => r.method === 'INVITE')).toEqual([]);
    expect(await softphoneShows()).toBeNull();

    // The same trusted click on the visible button calls at once: the checks above did not pass by luck.
    await tab.locator(`#victim ${HOST}`).click();
    await pbx.waitForRequest('INVITE', /3225554444/, { since });
    await agent.waitForSnapshot((s) => s.calls.length === 0, 'the call to end (the test PBX has no such number)');
    await setCallAtOnce(false);
    await tab.close();
  });

  // Playwright cannot open the browser's native context menu: the menu's click is dispatched to
  // the service worker's real onClicked listener, with what Chromium would pass it.
  async function callSelectionFromMenu(tab: Page, selectionText: string): Promise<void> {
    const tabId = await tabIdOf(tab.url());
    await (await worker()).evaluate(
      ([id, url, text]) => {
        const event = chrome.contextMenus.onClicked as unknown as { dispatch(info: object, tab: object): void };
        event.dispatch({ menuItemId: 'call-selection', selectionText: text, editable: false, pageUrl: url }, { id, windowId: -1, url });
      },
      [tabId, tab.url(), selectionText] as const,
    );
  }

  test('"Call <selection>" in the context menu opens the softphone with the number in the selection', async () => {
    const tab = await openSite('/numbers');
    await callSelectionFromMenu(tab, 'Call Anna on 0470 12 34 56 today');
    await expect.poll(async () => (await softphoneShows())?.number).toBe('+32470123456');
    await closeSoftphone();
    await tab.close();
  });

  test('"Call <selection>" never dials by itself, even with "call at once" on: the page controls the selection', async () => {
    await setCallAtOnce(true);
    const since = Date.now();
    const tab = await openSite('/numbers');
    await callSelectionFromMenu(tab, 'Call Bob on 0470 98 76 54');
    await expect.poll(softphoneShows).toEqual({ number: '+32470987654', callEnabled: true });
    await tab.waitForTimeout(1000);
    expect(pbx.requests(since).filter((r) => r.method === 'INVITE')).toEqual([]);
    expect((await agent.snapshot()).calls).toEqual([]);
    await closeSoftphone();
    await setCallAtOnce(false);
    await tab.close();
  });

  test('turning click-to-call off for the site takes the buttons away and stops it running there', async () => {
    const tab = await openSite('/numbers');
    await expect.poll(() => tab.locator(HOST).count()).toBeGreaterThan(0);
    const popup = await agent.context.newPage();
    await popup.goto(agent.url(`extension/popup.html?tab=${await tabIdOf(tab.url())}`));
    await popup.getByRole('button', { name: 'Turn off click-to-call on 127.0.0.1' }).click();
    await expect.poll(() => popup.getByRole('button', { name: 'Enable click-to-call on 127.0.0.1' }).count()).toBe(1);
    await expect.poll(() => tab.locator(HOST).count()).toBe(0);
    expect(await (await worker()).evaluate(() => chrome.scripting.getRegisteredContentScripts())).toEqual([]);
    await tab.reload();
    await tab.waitForTimeout(500);
    expect(await tab.locator(HOST).count()).toBe(0);
    await popup.close();
    await tab.close();
  });
});
