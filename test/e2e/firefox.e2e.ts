import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { SoftphoneSnapshot } from '../../src/calls/snapshot';
import type { CallStats } from '../../src/protocol/api';
import { TestPbx } from '../pbx/pbx';
import { callFromTrunk } from '../pbx/trunk';
import { FirefoxAgent } from './harness/firefox';

// The Firefox build (a background page hosts the softphone) in Debian's Firefox ESR, against the
// same test PBX: settings, registration, where the password is kept, and a call with audio.

let pbx: TestPbx;
let firefox: FirefoxAgent;

async function snapshotWhen(predicate: (s: SoftphoneSnapshot) => boolean, what: string): Promise<SoftphoneSnapshot> {
  const deadline = Date.now() + 15_000;
  for (;;) {
    const snapshot = await firefox.request<SoftphoneSnapshot>('getSnapshot');
    if (predicate(snapshot)) return snapshot;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}: ${JSON.stringify(snapshot).slice(0, 400)}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

beforeAll(async () => {
  pbx = await TestPbx.start({ echoCodes: ['*43'] });
  firefox = await FirefoxAgent.launch();
});
afterAll(async () => {
  await firefox?.close();
  await pbx?.stop();
});

describe('Firefox', () => {
  test('the agent saves the account in Settings, the background page registers, and storage.local holds no password', async () => {
    await firefox.show('extension/options.html');
    await firefox.page.waitForSelector('#account-username');
    await firefox.page.type('#account-username', '101');
    await firefox.page.type('#account-password', 'alice-secret');
    await firefox.page.type('#account-domain', pbx.domain);
    await firefox.page.type('#account-websocketUrl', pbx.wsUrl);
    await firefox.page.click('form button[type=submit]');

    const registered = await snapshotWhen((s) => s.registration.state === 'registered', 'registration');
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
    const active = await snapshotWhen((s) => s.calls[0]?.state === 'active', 'the echo test answering');
    const callId = active.calls[0]!.id;

    const stats = async () => (await firefox.request<CallStats | null>('callStats', { callId })) ?? { bytesReceived: 0, audioLevel: 0 };
    await expect.poll(async () => (await stats()).bytesReceived, { timeout: 10_000 }).toBeGreaterThan(2000);
    expect((await stats()).audioLevel ?? 0).toBeGreaterThan(0.01);

    const since = Date.now();
    await firefox.page.click('button.hangup-button');
    await pbx.waitForRequest('BYE', /./, { since });
    await snapshotWhen((s) => s.calls.length === 0, 'the call to end');
  });

  test('a tel: link handed to VoIP Widget opens the softphone with its number, for the agent to confirm', async () => {
    // What Firefox's protocol handler opens for a tel: link the agent chose to open with VoIP Widget.
    await firefox.evaluate(`location.assign('/extension/telLink.html?link=' + encodeURIComponent('tel:+32 2 555 01 23'))`);
    await expect
      .poll(() => firefox.evaluate(`location.pathname.endsWith('/popup.html') ? document.querySelector('input[aria-label="Number to call"]')?.value ?? '' : ''`), { timeout: 10_000 })
      .toBe('+3225550123');
    expect((await firefox.request<SoftphoneSnapshot>('getSnapshot')).calls).toHaveLength(0);
  });

  // Last: it leaves the test's tab outside the extension, where it cannot navigate back.
  test('with no extension page open, the background page outlives Firefox\'s 30 s idle unload and stays registered', async () => {
    await firefox.evaluate(`location.assign('about:blank')`);
    const since = Date.now();
    await new Promise((r) => setTimeout(r, 40_000));
    expect(pbx.logLines(since).filter((l) => /WebSocket connection .* has closed/.test(l))).toEqual([]);
    // Still registered and listening: a carrier call reaches it and rings (sipp fails on anything else).
    const ringing = pbx.logLines().length;
    await callFromTrunk(pbx, '101', 1, 500);
    expect(pbx.logLines().slice(ringing).some((l) => /REPLY 180 /.test(l))).toBe(true);
  }, 70_000);
});
