import { describe, expect, test } from 'vitest';
import { TestPbx } from '../pbx/pbx';
import { badgeText, connect, usePbx } from './harness/phone';

const env = usePbx();

/** Successful registrations (not un-registrations) the server saved since `since`. */
function registrationsSaved(server: TestPbx, user: string, since: number): number {
  return server.logLines(since).filter((l) => l.includes(`REGISTERED sip:${user}@`) && !/expires=0\b/.test(l)).length;
}

describe('faults', () => {
  test('the SIP server is killed and restarted: the softphone says so, retries, and registers again once', async () => {
    const alice = await env.desks.registered('101');
    const popup = await alice.openPopup();
    await env.pbx.killSipServer();
    await expect.poll(() => popup.getByRole('status', { name: 'Softphone status' }).textContent()).toContain(`Cannot reach ${env.pbx.wsUrl}`);
    await expect.poll(() => badgeText(alice)).toBe('!');

    await new Promise((r) => setTimeout(r, 2000));
    const restartedAt = Date.now();
    await env.pbx.restartSipServer();
    await alice.waitUntilRegistered();
    const reconnectMs = Date.now() - restartedAt;
    console.log(`registered again ${reconnectMs} ms after the SIP server came back`);
    expect(reconnectMs).toBeLessThan(5000);
    await expect.poll(() => popup.getByRole('status', { name: 'Softphone status' }).textContent()).toContain('Ready');

    await new Promise((r) => setTimeout(r, 1500));
    expect(registrationsSaved(env.pbx, '101', restartedAt)).toBe(1);
  });

  test('the network comes back: the softphone retries at once instead of waiting out its backoff', async () => {
    const alice = await env.desks.registered('101');
    await env.pbx.killSipServer();
    // Let the backoff grow until the next attempt is seconds away.
    const waiting = await alice.waitForSnapshot((s) => (s.registration.retryAt ?? 0) > Date.now() + 2500, 'a retry seconds away', 30_000);
    await env.pbx.restartSipServer();
    const onlineAt = Date.now();
    const popup = await alice.openPopup();
    // The browser tells extension pages the network is back with an 'online' event.
    await popup.evaluate(() => {
      for (const view of chrome.extension.getViews()) if (view.location.pathname.endsWith('/extension/offscreen.html')) view.dispatchEvent(new Event('online'));
    });
    await alice.waitUntilRegistered();
    const registeredAt = Date.now();
    console.log(
      `registered ${registeredAt - onlineAt} ms after the network came back (next retry was due in ${(waiting.registration.retryAt ?? 0) - onlineAt} ms)`,
    );
    expect(registeredAt).toBeLessThan(waiting.registration.retryAt ?? 0);
  });

  test('the machine sleeps while the PBX drops its connection: on waking it registers again', async () => {
    const alice = await env.desks.registered('101');
    const since = Date.now();
    await alice.sleep(5000, () => env.pbx.restartSipServer());
    const wokeAt = Date.now();
    await alice.waitForSnapshot(
      (s) => s.registration.state === 'registered' && registrationsSaved(env.pbx, '101', since) === 1,
      'registered again after waking',
      10_000,
    );
    console.log(`registered again ${Date.now() - wokeAt} ms after waking`);
    expect(Date.now() - wokeAt).toBeLessThan(5000);
  });

  test('the connection drops during a call: the call ends cleanly, is logged as lost, and the softphone re-registers', async () => {
    const alice = await env.desks.registered('101');
    const bob = await env.desks.registered('102');
    const [alicePopup, bobPopup] = await Promise.all([alice.openPopup(), bob.openPopup()]);
    await connect(alice, alicePopup, bob, bobPopup, '102');
    await expect.poll(() => badgeText(alice)).toBe('CALL');

    await env.pbx.killSipServer();
    await expect.poll(() => alicePopup.getByLabel('Last call').textContent()).toContain('Connection to the PBX lost');
    expect((await alice.snapshot()).calls).toHaveLength(0);
    await expect.poll(() => badgeText(alice)).not.toBe('CALL');
    const sw = await alice.serviceWorker();
    await expect
      .poll(() => sw.evaluate(async () => ((await chrome.storage.local.get('recentCalls')).recentCalls as { outcome: string }[] | undefined)?.[0]?.outcome))
      .toBe('connection_lost');

    await env.pbx.restartSipServer();
    await alice.waitUntilRegistered();
    await bob.waitUntilRegistered();
  });

  test('the offscreen document is closed: the next event brings the softphone back, registered', async () => {
    const alice = await env.desks.registered('101');
    const sw = await alice.serviceWorker();
    await sw.evaluate(() => chrome.offscreen.closeDocument());
    await expect
      .poll(() => sw.evaluate(async () => (await chrome.runtime.getContexts({ contextTypes: ['OFFSCREEN_DOCUMENT' as chrome.runtime.ContextType] })).length))
      .toBe(0);

    const popup = await alice.openPopup();
    await expect.poll(() => popup.getByRole('status', { name: 'Softphone status' }).textContent(), { timeout: 10_000 }).toContain('Ready');
  });

  test('the offscreen document is closed and nothing else happens: the watchdog alarm brings the softphone back within its period', async () => {
    const alice = await env.desks.registered('101');
    const sw = await alice.serviceWorker();
    expect(await sw.evaluate(async () => (await chrome.alarms.get('softphone-watchdog'))?.periodInMinutes)).toBe(0.5);
    const since = Date.now();
    await sw.evaluate(() => chrome.offscreen.closeDocument());
    // Only the PBX is watched from here: no page, message or event of the extension's own.
    const registered = () => env.pbx.logEntries(since).find((e) => /REGISTERED sip:101@.*expires=(?!0\b)/.test(e.text));
    await expect.poll(registered, { timeout: 45_000, interval: 500 }).toBeDefined();
    const backAfterMs = registered()!.at - since;
    console.log(`offscreen document closed: registered again by the watchdog alarm after ${(backAfterMs / 1000).toFixed(1)} s`);
    expect(backAfterMs).toBeLessThan(40_000);
  });

  test('turning the softphone off unregisters it; turning it on registers again', async () => {
    const alice = await env.desks.registered('101');
    const since = Date.now();
    await alice.configure({ username: '101', password: 'alice-secret', domain: env.pbx.domain, websocketUrl: env.pbx.wsUrl, enabled: false });
    await alice.waitForSnapshot((s) => s.registration.state === 'disabled', 'turned off');
    await expect.poll(() => env.pbx.logLines(since).filter((l) => /REGISTERED sip:101@.*expires=0\b/.test(l)).length).toBe(1);
    await expect.poll(() => badgeText(alice)).toBe('OFF');

    await alice.configure({ username: '101', password: 'alice-secret', domain: env.pbx.domain, websocketUrl: env.pbx.wsUrl, enabled: true });
    await alice.waitUntilRegistered();
    expect(registrationsSaved(env.pbx, '101', since)).toBe(1);
  });

  test('a new server takes over from the old one: unregistered there once, registered here once', async () => {
    const alice = await env.desks.registered('101');
    const second = await TestPbx.start();
    try {
      const switchedAt = Date.now();
      await alice.configure({ username: '101', password: 'alice-secret', domain: second.domain, websocketUrl: second.wsUrl });
      await expect.poll(() => registrationsSaved(second, '101', switchedAt), { timeout: 10_000 }).toBe(1);
      await alice.waitUntilRegistered();
      expect(env.pbx.logLines(switchedAt).filter((l) => /REGISTERED sip:101@.*expires=0\b/.test(l))).toHaveLength(1);
    } finally {
      await second.stop();
    }
  });

  test('small edits during a call keep it: the display name and ICE servers apply at once, a new registration waits for the call to end', async () => {
    const alice = await env.desks.registered('101');
    const bob = await env.desks.registered('102');
    const [alicePopup, bobPopup] = await Promise.all([alice.openPopup(), bob.openPopup()]);
    await connect(alice, alicePopup, bob, bobPopup, '102');
    const account = { username: '101', password: 'alice-secret', domain: env.pbx.domain, websocketUrl: env.pbx.wsUrl };
    const since = Date.now();
    await alice.configure({ ...account, displayName: 'Alice Martin', iceServers: [{ urls: 'stun:127.0.0.1:3478' }] });
    await new Promise((r) => setTimeout(r, 1500));
    expect((await alice.snapshot()).calls[0]?.state).toBe('active');
    expect(env.pbx.requests(since).filter((r) => r.method === 'REGISTER')).toHaveLength(0);

    // Turning the softphone off would end the call: it waits until the agent hangs up.
    await alice.configure({ ...account, displayName: 'Alice Martin', enabled: false });
    await new Promise((r) => setTimeout(r, 1500));
    expect((await alice.snapshot()).calls[0]?.state).toBe('active');
    expect((await alice.snapshot()).registration.state).toBe('registered');
    await alicePopup.getByRole('button', { name: 'Hang up' }).click();
    await alice.waitForSnapshot((s) => s.registration.state === 'disabled', 'turned off once the call ended');
    await expect.poll(() => env.pbx.logLines(since).filter((l) => /REGISTERED sip:101@.*expires=0\b/.test(l)).length).toBe(1);
  });

  test('the service worker cannot read the settings when the softphone starts: it asks again until it can', async () => {
    const alice = await env.desks.registered('101');
    const sw = await alice.serviceWorker();
    // Storage fails in the service worker (as IndexedDB or a full disk can), and the softphone restarts.
    await sw.evaluate(() => {
      const local = chrome.storage.local as unknown as { get: unknown; realGet?: unknown };
      local.realGet = local.get;
      local.get = () => Promise.reject(new Error('storage failed'));
    });
    await sw.evaluate(() => chrome.offscreen.closeDocument());
    await alice.openPopup();
    await expect
      .poll(() => sw.evaluate(async () => (await chrome.runtime.getContexts({ contextTypes: ['OFFSCREEN_DOCUMENT' as chrome.runtime.ContextType] })).length))
      .toBe(1);
    await new Promise((r) => setTimeout(r, 2500));
    expect((await alice.snapshot()).registration.state).toBe('unconfigured');
    await sw.evaluate(() => {
      const local = chrome.storage.local as unknown as { get: unknown; realGet?: unknown };
      local.get = local.realGet;
    });
    await alice.waitForSnapshot((s) => s.registration.state === 'registered', 'registered once the settings could be read', 20_000);
  });
});
