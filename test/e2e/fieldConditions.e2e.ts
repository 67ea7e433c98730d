import { describe, expect, test } from 'vitest';
import { fieldConditions, type PbxUser, type TestPbx } from '../pbx/pbx';
import type { Agent } from './harness/browser';
import { dial, usePbx } from './harness/phone';

// A PBX as deployed: a load balancer in front that cuts connections idle for 30 s, one contact per
// account, and bindings that outlive their connection until they expire. So each test uses
// accounts of its own: a binding left by an earlier test's browser would refuse a new device.
const users: PbxUser[] = Array.from({ length: 12 }, (_, i) => String(101 + i)).map((username) => ({ username, password: `${username}-secret` }));
const env = usePbx({
  ...fieldConditions,
  users,
  // 104's first REGISTER is refused as an overloaded PBX does.
  refuseRegistrations: [{ user: '104', nth: 1, status: 503, retryAfterSeconds: 3 }],
});

/** REGISTERs that the PBX accepted for `user` since `since` (un-REGISTERs aside). */
function registrationsSaved(pbx: TestPbx, user: string, since: number): number {
  return pbx.logLines(since).filter((l) => l.includes(`REGISTERED sip:${user}@`) && !/expires=0\b/.test(l)).length;
}

/** `caller` rings `callee`, who answers: the call is up on both sides. */
async function callReaches(caller: Agent, callee: Agent, extension: string): Promise<void> {
  const [callerPopup, calleePopup] = await Promise.all([caller.openPopup(), callee.openPopup()]);
  await dial(callerPopup, extension);
  await calleePopup.getByRole('region', { name: 'Incoming call' }).getByRole('button', { name: 'Answer' }).click({ timeout: 10_000 });
  await callee.waitForSnapshot((s) => s.calls[0]?.state === 'active', 'the callee in the call');
  await callerPopup.getByRole('button', { name: 'Hang up' }).click();
  await callee.waitForSnapshot((s) => s.calls.length === 0, 'the call over');
  await Promise.all([callerPopup.close(), calleePopup.close()]);
}

describe('a PBX behind a load balancer that cuts idle connections', () => {
  test('the keepalive holds the connection through idle minutes, and calls still arrive', async () => {
    const alice = await env.desks.registered('101');
    const bob = await env.desks.registered('102');
    const balancer = env.pbx.loadBalancer!;
    const connectionsBefore = balancer.accepted;
    const since = Date.now();
    // Longer than the balancer's 30 s idle cut, with nothing to do.
    await new Promise((r) => setTimeout(r, 45_000));
    const pings = env.pbx.requests(since).filter((r) => r.method === 'OPTIONS').length;
    console.log(
      `idle 45 s: ${pings} keepalive pings from 2 agents (${Math.round((pings / 2) * (3600 / 45))} per agent per idle hour), ${balancer.idleCuts} idle cuts`,
    );
    expect(balancer.idleCuts).toBe(0);
    expect(balancer.accepted).toBe(connectionsBefore);
    await callReaches(bob, alice, '101');
  });

  test('ten forced reconnections leave one binding at the PBX, and calls reach the softphone', async () => {
    const alice = await env.desks.registered('106');
    const bob = await env.desks.registered('107');
    const balancer = env.pbx.loadBalancer!;
    const times: number[] = [];
    for (let i = 0; i < 10; i++) {
      const cutAt = Date.now();
      balancer.cutAll();
      await alice.waitForSnapshot(
        (s) => s.registration.state === 'registered' && registrationsSaved(env.pbx, '106', cutAt) > 0,
        `registered again after cut ${i + 1}`,
        10_000,
      );
      times.push(Date.now() - cutAt);
      await bob.waitUntilRegistered();
    }
    console.log(`registered again after each of 10 cuts in ${times.join(', ')} ms; bindings of 106 at the PBX: ${env.pbx.bindings('106')}`);
    expect(env.pbx.bindings('106')).toBe(1);
    await callReaches(bob, alice, '106');
  });

  test('a connection that goes silent (half-open) is noticed within 30 s, and calls arrive on the new one', async () => {
    const alice = await env.desks.registered('108');
    const bob = await env.desks.registered('109');
    const silencedAt = Date.now();
    env.pbx.loadBalancer!.silenceAll();
    await expect.poll(() => registrationsSaved(env.pbx, '108', silencedAt), { timeout: 35_000, interval: 250 }).toBeGreaterThan(0);
    const registeredAt = env.pbx.logEntries(silencedAt).find((e) => e.text.includes('REGISTERED sip:108@'))!.at;
    console.log(`silent connection loss: registered again ${registeredAt - silencedAt} ms later`);
    expect(registeredAt - silencedAt).toBeLessThan(30_000);
    await alice.waitUntilRegistered();
    expect(env.pbx.bindings('108')).toBe(1);
    // Bob's connection went silent too: he calls once his softphone has noticed and registered again.
    await expect.poll(() => registrationsSaved(env.pbx, '109', silencedAt), { timeout: 35_000, interval: 250 }).toBeGreaterThan(0);
    await bob.waitUntilRegistered();
    await callReaches(bob, alice, '108');
  });

  test('a browser restart registers as the same device, not as a second one', async () => {
    const alice = await env.desks.registered('103');
    const since = Date.now();
    await alice.restart();
    await alice.waitUntilRegistered();
    expect(registrationsSaved(env.pbx, '103', since)).toBeGreaterThan(0);
    expect(env.pbx.bindings('103')).toBe(1);
  });
});

describe('a PBX that refuses or freezes', () => {
  test('a REGISTER refused with 503 and Retry-After: the popup says what the PBX said, and it registers when the PBX said to', async () => {
    const agent = await env.desks.launch();
    const popup = await agent.openPopup();
    await agent.configure({ username: '104', password: '104-secret', domain: env.pbx.domain, websocketUrl: env.pbx.wsUrl });
    await expect
      .poll(() => popup.getByRole('status', { name: 'Softphone status' }).textContent())
      .toContain('The PBX refused the registration: 503 Service Unavailable');
    await agent.waitUntilRegistered();
    const refusedAt = env.pbx.logEntries().find((e) => e.text.includes('REGISTER REFUSED 104 503'))!.at;
    const registeredAt = env.pbx.logEntries(refusedAt).find((e) => e.text.includes('REGISTERED sip:104@'))!.at;
    console.log(`Retry-After 3 s: registered ${registeredAt - refusedAt - 3000} ms after the PBX's Retry-After ran out`);
    expect(registeredAt - refusedAt).toBeGreaterThanOrEqual(3000);
    expect(registeredAt - refusedAt).toBeLessThan(5000);
    await expect.poll(() => popup.getByRole('status', { name: 'Softphone status' }).textContent()).toContain('Ready');
  });

  test('the PBX freezes: the softphone notices within 30 s, and registers again soon after it thaws', async () => {
    const alice = await env.desks.registered('105');
    const popup = await alice.openPopup();
    const frozenAt = Date.now();
    env.pbx.freezeSipServer();
    try {
      await alice.waitForSnapshot((s) => s.registration.state !== 'registered', 'the frozen PBX noticed', 30_000);
      console.log(`frozen PBX noticed after ${Date.now() - frozenAt} ms`);
      await expect.poll(() => popup.getByRole('status', { name: 'Softphone status' }).textContent()).toContain('retrying');
    } finally {
      env.pbx.thawSipServer();
    }
    const thawedAt = Date.now();
    await alice.waitForSnapshot((s) => s.registration.state === 'registered', 'registered after the thaw', 30_000);
    console.log(`registered again ${Date.now() - thawedAt} ms after the PBX thawed`);
    expect(env.pbx.bindings('105')).toBe(1);
  });

  test('a wrong password is not retried in a loop: the PBX sees one attempt, and a corrected password registers at once', async () => {
    const agent = await env.desks.launch();
    const since = Date.now();
    await agent.configure({ username: '110', password: 'not-the-password', domain: env.pbx.domain, websocketUrl: env.pbx.wsUrl });
    await agent.waitForSnapshot((s) => s.registration.error?.code === 'auth_failed', 'the wrong password refused');
    await new Promise((r) => setTimeout(r, 5000));
    // One REGISTER and its authenticated retry, then nothing for ten minutes.
    expect(env.pbx.requests(since).filter((r) => r.method === 'REGISTER').length).toBeLessThanOrEqual(2);
    await agent.configure({ username: '110', password: '110-secret', domain: env.pbx.domain, websocketUrl: env.pbx.wsUrl });
    await agent.waitUntilRegistered();
  });
});

describe('a PBX that wants longer registrations', () => {
  const strict = usePbx({ minExpires: 900 });

  test("423 Interval Too Brief: the softphone registers again at once with the PBX's Min-Expires", async () => {
    const since = Date.now();
    await strict.desks.registered('101');
    const saved = strict.pbx.logLines(since).filter((l) => l.includes('REGISTERED sip:101@'));
    expect(saved.length).toBeGreaterThan(0);
    expect(saved.every((l) => /expires=900\b/.test(l))).toBe(true);
  });
});
