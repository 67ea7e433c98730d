import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { SoftphoneSnapshot } from '../../src/calls/snapshot';
import type { CallStats } from '../../src/protocol/api';
import { TestPbx } from '../pbx/pbx';
import { callFromTrunk } from '../pbx/trunk';
import { HOST, TRICK_BUTTONS, TRICKS } from './harness/clickTricks';
import { FirefoxAgent } from './harness/firefox';
import { TestSite } from './harness/testSite';

// The Firefox build (a background page hosts the softphone) in Debian's Firefox ESR, against the
// same test PBX: settings, registration, where the password is kept, and a call with audio.

let pbx: TestPbx;
let firefox: FirefoxAgent;
let site: TestSite;

beforeAll(async () => {
  pbx = await TestPbx.start({ echoCodes: ['*43'] });
  site = await TestSite.start({ '/tricks': TRICKS });
  firefox = await FirefoxAgent.launch({ grantLoopback: true });
});
afterAll(async () => {
  await firefox?.close();
  await site?.stop();
  await pbx?.stop();
});

/** The number in the softphone popup, wherever Firefox opened it (null when it is not open). */
async function softphoneNumber(): Promise<string | null> {
  return firefox.evaluate<string | null>(
    `browser.extension.getViews().find((w) => w.location.pathname.endsWith('/extension/popup.html'))?.document.querySelector('input[aria-label="Number to call"]')?.value ?? null`,
  );
}

async function closeSoftphone(): Promise<void> {
  await firefox.evaluate(`for (const w of browser.extension.getViews()) if (w.location.pathname.endsWith('/extension/popup.html')) w.close()`);
}

describe('Firefox', () => {
  test('the agent saves the account in Settings, the background page registers, and storage.local holds no password', async () => {
    await firefox.show('extension/options.html');
    await firefox.page.waitForSelector('#account-username');
    await firefox.page.type('#account-username', '101');
    await firefox.page.type('#account-password', 'alice-secret');
    await firefox.page.type('#account-domain', pbx.domain);
    await firefox.page.type('#account-websocketUrl', pbx.wsUrl);
    await firefox.page.click('form button[type=submit]');

    const registered = await firefox.waitForSnapshot((s) => s.registration.state === 'registered', 'registration');
    expect(registered.registration.account).toBe('101@pbx.test');
    expect(pbx.logLines().some((l) => /REGISTERED sip:101@/.test(l))).toBe(true);
    // Firefox lets content scripts read storage.local: the password must not be there.
    const stored = await firefox.evaluate<string>('browser.storage.local.get(null).then(JSON.stringify)');
    expect(stored).toContain('"username":"101"');
    expect(stored).not.toContain('alice-secret');
  });

  test('a call to the echo test carries audio both ways, and the agent hangs up from the popup', async () => {
    await firefox.show('extension/popup.html');
    const number = await firefox.page.waitForSelector('input[aria-label="Number to call"]');
    await number!.focus();
    await firefox.page.keyboard.type('*43');
    await firefox.page.keyboard.press('Enter');
    const active = await firefox.waitForSnapshot((s) => s.calls[0]?.state === 'active', 'the echo test answering');
    const callId = active.calls[0]!.id;

    const stats = async () => (await firefox.request<CallStats | null>('callStats', { callId })) ?? { bytesReceived: 0, audioLevel: 0 };
    await expect.poll(async () => (await stats()).bytesReceived, { timeout: 10_000 }).toBeGreaterThan(2000);
    expect((await stats()).audioLevel ?? 0).toBeGreaterThan(0.01);

    const since = Date.now();
    await firefox.page.click('button.hangup-button');
    await pbx.waitForRequest('BYE', /./, { since });
    await firefox.waitForSnapshot((s) => s.calls.length === 0, 'the call to end');
  });

  test('a tel: link handed to VoIP Widget opens the softphone with its number, for the agent to confirm', async () => {
    // What Firefox's protocol handler opens for a tel: link the agent chose to open with VoIP Widget.
    await firefox.evaluate(`location.assign('/extension/telLink.html?link=' + encodeURIComponent('tel:+32 2 555 01 23'))`);
    await expect
      .poll(
        () => firefox.evaluate(`location.pathname.endsWith('/popup.html') ? document.querySelector('input[aria-label="Number to call"]')?.value ?? '' : ''`),
        { timeout: 10_000 },
      )
      .toBe('+3225550123');
    expect((await firefox.request<SoftphoneSnapshot>('getSnapshot')).calls).toHaveLength(0);
  });

  test('click-to-call with "call at once" on: no trick of the page dials, nor does a plain click, since Firefox cannot tell whether the button is visible', async () => {
    // An extension page that is not the softphone, to look for the softphone from.
    await firefox.show('extension/welcome.html');
    // The caller ID settings name the home country: national numbers are read as Belgian.
    await firefox.evaluate(`browser.storage.local.set({ callerId: { homeCountry: 'BE' } })`);
    expect((await firefox.request<{ ok: boolean }>('setClickToCallSite', { site: 'http://127.0.0.1', enabled: true })).ok).toBe(true);
    expect((await firefox.request<{ ok: boolean }>('saveClickToCallSettings', { callAtOnce: true })).ok).toBe(true);
    const tab = await firefox.browser.newPage();
    await tab.setViewport({ width: 1000, height: 800 });
    await tab.goto(site.url('/tricks'));
    await expect.poll(() => tab.evaluate(`document.querySelectorAll('${HOST}').length`), { timeout: 10_000 }).toBe(TRICK_BUTTONS);
    await tab.evaluate('window.pinhole()');
    await new Promise((r) => setTimeout(r, 600)); // every button has been where it is for longer than the guard's 300 ms
    const centreOf = (selector: string) =>
      tab.evaluate(
        `(() => { const r = document.querySelector(${JSON.stringify(selector)}).getBoundingClientRect(); return { x: r.left + r.width / 2, y: r.top + r.height / 2 }; })()`,
      ) as Promise<{ x: number; y: number }>;
    const since = Date.now();
    const invites = () => pbx.requests(since).filter((r) => r.method === 'INVITE');

    const opened: Record<string, string | null> = {};
    for (const id of ['filter', 'mask', 'clip', 'overlay', 'pinhole', 'control']) {
      const { x, y } = await centreOf(`#${id} ${HOST}`);
      await tab.mouse.move(x - 40, y);
      await tab.mouse.move(x, y, { steps: 4 });
      await new Promise((r) => setTimeout(r, 350));
      await tab.mouse.click(x, y);
      await new Promise((r) => setTimeout(r, 1200));
      opened[id] = await softphoneNumber();
      await closeSoftphone();
    }

    // An old button slid under the pointer waiting over "Play", just before the click.
    const { x, y } = await centreOf('#decoy');
    await tab.mouse.move(x, y, { steps: 5 });
    await new Promise((r) => setTimeout(r, 500));
    await tab.evaluate(`window.slideUnder(${x}, ${y})`);
    await tab.mouse.click(x, y);
    await new Promise((r) => setTimeout(r, 1200));
    opened.slide = await softphoneNumber();
    await closeSoftphone();

    // A button that grows under the waiting pointer (its text's font grows by half) just before the click.
    const before = await centreOf(`#grow ${HOST}`);
    await tab.mouse.move(before.x - 40, before.y);
    await tab.mouse.move(before.x, before.y, { steps: 4 });
    await new Promise((r) => setTimeout(r, 500));
    const grown = (await tab.evaluate('window.grow()')) as { x: number; y: number };
    await tab.mouse.click(grown.x, grown.y);
    await new Promise((r) => setTimeout(r, 1200));
    opened.grow = await softphoneNumber();
    await closeSoftphone();
    // The click was on the button: once it has stayed as it is a while, it opens the softphone to confirm.
    await tab.mouse.move(grown.x + 30, grown.y, { steps: 3 });
    await new Promise((r) => setTimeout(r, 400));
    await tab.mouse.move(grown.x, grown.y, { steps: 3 });
    await tab.mouse.click(grown.x, grown.y);
    await new Promise((r) => setTimeout(r, 1200));
    opened.grownThenStill = await softphoneNumber();
    await closeSoftphone();

    expect(invites()).toEqual([]);
    expect((await firefox.request<SoftphoneSnapshot>('getSnapshot')).calls).toHaveLength(0);
    // What the guard can see is refused outright; what it cannot opens the softphone to confirm.
    expect(opened).toEqual({
      filter: null,
      mask: '+3225557002',
      clip: null,
      overlay: null,
      pinhole: '+3225557006',
      control: '+3225557000',
      slide: null,
      grow: null,
      grownThenStill: '+3225557007',
    });
    await tab.close();
  });

  // Last: it leaves the test's tab outside the extension, where it cannot navigate back.
  test("with no extension page open, the background page outlives Firefox's 30 s idle unload and stays registered", async () => {
    await firefox.evaluate(`location.assign('about:blank')`);
    const since = Date.now();
    await new Promise((r) => setTimeout(r, 40_000));
    expect(pbx.logLines(since).filter((l) => /WebSocket connection .* has closed/.test(l))).toEqual([]);
    // Still registered and listening: a carrier call reaches it and rings (sipp fails on anything else).
    const ringing = pbx.logLines().length;
    await callFromTrunk(pbx, '101', 1, 500);
    expect(
      pbx
        .logLines()
        .slice(ringing)
        .some((l) => /REPLY 180 /.test(l)),
    ).toBe(true);
  }, 70_000);
});
