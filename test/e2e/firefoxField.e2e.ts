import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { defaultUsers, fieldConditions, TestPbx } from '../pbx/pbx';
import { callFromTrunk } from '../pbx/trunk';
import { FirefoxAgent } from './harness/firefox';

// The Firefox build behind the same field conditions as the Chromium one: a load balancer that
// cuts idle connections, fails over and goes silent, one contact per account.

let pbx: TestPbx;
let firefox: FirefoxAgent;

/** Makes the softphone use `username`'s account, with `password`. */
async function useAccount(username: string, password: string): Promise<void> {
  const saved = await firefox.request<{ ok: boolean }>('saveAccount', {
    account: { username, password, domain: pbx.domain, websocketUrl: pbx.wsUrl, displayName: '', iceServers: [], enabled: true },
  });
  expect(saved.ok).toBe(true);
}

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
  pbx = await TestPbx.start({
    ...fieldConditions,
    tls: true,
    users: [...defaultUsers, { username: '104', password: '104-secret' }, { username: '105', password: '105-secret' }],
    // 104's first REGISTER is refused as an overloaded PBX does.
    refuseRegistrations: [{ user: '104', nth: 1, status: 503, retryAfterSeconds: 3 }],
  });
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

  test('a REGISTER refused with 503 and Retry-After is sent again when the PBX said, not before', async () => {
    await useAccount('104', '104-secret');
    await firefox.waitForSnapshot(
      (s) => s.registration.state === 'failed' && s.registration.error?.code === 'registration_refused' && s.registration.error.params?.[0] === '503',
      'the 503 shown',
    );
    await firefox.waitForSnapshot(
      (s) => s.registration.state === 'registered' && s.registration.account === '104@pbx.test',
      'registered after the Retry-After',
    );
    const refusedAt = pbx.logEntries().find((e) => e.text.includes('REGISTER REFUSED 104 503'))!.at;
    const registeredAt = pbx.logEntries(refusedAt).find((e) => e.text.includes('REGISTERED sip:104@'))!.at;
    console.log(`Firefox: Retry-After 3 s, registered ${registeredAt - refusedAt - 3000} ms after it ran out`);
    expect(registeredAt - refusedAt).toBeGreaterThanOrEqual(3000);
    expect(registeredAt - refusedAt).toBeLessThan(5000);
  });

  test('a wrong password is not retried in a loop, and the corrected one registers at once', async () => {
    await useAccount('105', 'not-the-password');
    await firefox.waitForSnapshot((s) => s.registration.error?.code === 'auth_failed', 'the wrong password refused');
    // One REGISTER and its authenticated retry were refused; then nothing for ten minutes.
    const refusedAt = Date.now();
    await new Promise((r) => setTimeout(r, 5000));
    expect(pbx.requests(refusedAt + 300).filter((r) => r.method === 'REGISTER')).toEqual([]);
    await useAccount('105', '105-secret');
    await firefox.waitForSnapshot(
      (s) => s.registration.state === 'registered' && s.registration.account === '105@pbx.test',
      'registered with the right password',
    );
  });
});
