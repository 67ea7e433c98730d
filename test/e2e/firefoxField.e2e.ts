import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { fieldConditions, TestPbx } from '../pbx/pbx';
import { callFromTrunk } from '../pbx/trunk';
import { FirefoxAgent } from './harness/firefox';

// The Firefox build behind the same field conditions as the Chromium one: a load balancer that
// cuts idle connections, fails over and goes silent, one contact per account.

let pbx: TestPbx;
let firefox: FirefoxAgent;

const registrationsSince = (since: number): number => pbx.logLines(since).filter((l) => /REGISTERED sip:101@.*expires=(?!0\b)/.test(l)).length;

/** A carrier call reaches the softphone and rings (sipp fails on anything else). */
async function callRings(): Promise<void> {
  const before = pbx.logLines().length;
  await callFromTrunk(pbx, '101', 1, 500);
  expect(
    pbx
      .logLines()
      .slice(before)
      .some((l) => /REPLY 180 /.test(l)),
  ).toBe(true);
}

beforeAll(async () => {
  pbx = await TestPbx.start({ ...fieldConditions, tls: true });
  firefox = await FirefoxAgent.launch({ trustedCa: pbx.certificates!.caCertificate });
  const saved = await firefox.request<{ ok: boolean }>('saveAccount', {
    account: { username: '101', password: 'alice-secret', domain: pbx.domain, websocketUrl: pbx.wsUrl, displayName: '', iceServers: [], enabled: true },
  });
  expect(saved.ok).toBe(true);
  await firefox.waitForSnapshot((s) => s.registration.state === 'registered', 'registration');
});
afterAll(async () => {
  await firefox?.close();
  await pbx?.stop();
});

describe('Firefox in field conditions', () => {
  test("the keepalive holds the connection through the load balancer's idle cut", async () => {
    const connections = pbx.loadBalancer!.accepted;
    await new Promise((r) => setTimeout(r, 45_000));
    expect(pbx.loadBalancer!.idleCuts).toBe(0);
    expect(pbx.loadBalancer!.accepted).toBe(connections);
    await callRings();
  }, 70_000);

  test('forced reconnections and a silent connection: registered again each time, one binding, calls arrive', async () => {
    for (let i = 0; i < 3; i++) {
      const cutAt = Date.now();
      pbx.loadBalancer!.cutAll();
      await firefox.waitForSnapshot((s) => s.registration.state === 'registered' && registrationsSince(cutAt) > 0, `registered after cut ${i + 1}`);
    }
    const silencedAt = Date.now();
    pbx.loadBalancer!.silenceAll();
    await firefox.waitForSnapshot(
      (s) => s.registration.state === 'registered' && registrationsSince(silencedAt) > 0,
      'registered after the silent loss',
      35_000,
    );
    console.log(`Firefox: silent connection loss, registered again after ${Date.now() - silencedAt} ms`);
    expect(pbx.bindings('101')).toBe(1);
    await callRings();
  }, 70_000);

  test('over wss:// with the company CA trusted, the softphone registers', async () => {
    const since = Date.now();
    const saved = await firefox.request<{ ok: boolean }>('saveAccount', {
      account: { username: '102', password: 'bob-secret', domain: pbx.domain, websocketUrl: pbx.wssUrl, displayName: '', iceServers: [], enabled: true },
    });
    expect(saved.ok).toBe(true);
    await firefox.waitForSnapshot((s) => s.registration.state === 'registered' && s.registration.account === '102@pbx.test', 'registration over wss');
    expect(pbx.logLines(since).some((l) => /REQ REGISTER .*\(wss\)/.test(l))).toBe(true);
  });
});
