import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { TestPbx } from '../pbx/pbx';
import { Agent } from './harness/browser';

let pbx: TestPbx;
const agents: Agent[] = [];

async function agentAs(username: string, password: string, extra: { iceServers?: { urls: string }[] } = {}, options = {}): Promise<Agent> {
  const agent = await Agent.launch(options);
  agents.push(agent);
  await agent.configure({ username, password, domain: pbx.domain, websocketUrl: pbx.wsUrl, ...extra });
  await agent.waitUntilRegistered();
  return agent;
}

/** Dials from the popup; resolves with the wall-clock time the page received the click. */
async function dial(popup: Page, number: string): Promise<number> {
  await popup.getByRole('textbox', { name: 'Number to call' }).fill(number);
  const clicked = popup.evaluate(
    () => new Promise<number>((resolve) => document.addEventListener('click', () => resolve(Date.now()), { capture: true, once: true })),
  );
  await popup.getByRole('button', { name: 'Call' }).click();
  return clicked;
}

async function bytesReceived(agent: Agent): Promise<number> {
  const { calls } = await agent.snapshot();
  const call = calls[0];
  if (!call) return -1;
  return (await agent.callStats(call.id))?.bytesReceived ?? -1;
}

/** Audio flows into `agent` when its received byte count keeps growing. */
async function expectAudioFlowing(agent: Agent): Promise<void> {
  const before = await bytesReceived(agent);
  await expect.poll(() => bytesReceived(agent), { timeout: 5000 }).toBeGreaterThan(Math.max(before, 0) + 1000);
}

beforeAll(async () => {
  pbx = await TestPbx.start();
});
afterAll(async () => {
  await pbx?.stop();
});
afterEach(async () => {
  for (const agent of agents.splice(0)) await agent.close();
});

describe('calls between two agents', () => {
  test('alice calls bob, audio flows both ways, the call survives the popup closing, and bob hangs up', async () => {
    const alice = await agentAs('101', 'alice-secret');
    const bob = await agentAs('102', 'bob-secret');

    const alicePopup = await alice.openPopup();
    const bobPopup = await bob.openPopup();
    await dial(alicePopup, '102');

    const incoming = bobPopup.getByRole('region', { name: 'Incoming call' });
    await expect.poll(() => incoming.textContent()).toContain('101');
    await expect.poll(async () => (await bob.serviceWorker()).evaluate(() => chrome.action.getBadgeText({}))).toBe('RING');
    await expect.poll(() => alicePopup.getByRole('timer', { name: 'Call status' }).textContent()).toBe('Ringing…');
    await incoming.getByRole('button', { name: 'Answer' }).click();

    await alice.waitForSnapshot((s) => s.calls[0]?.state === 'active', 'alice in call');
    await bob.waitForSnapshot((s) => s.calls[0]?.state === 'active', 'bob in call');
    await expect.poll(() => alicePopup.getByRole('timer', { name: 'Call status' }).textContent()).toMatch(/^00:0\d$/);
    await expectAudioFlowing(alice);
    await expectAudioFlowing(bob);

    await alicePopup.close();
    await expectAudioFlowing(alice);
    await expect.poll(async () => (await alice.serviceWorker()).evaluate(() => chrome.action.getBadgeText({}))).toBe('CALL');

    const reopened = await alice.openPopup();
    await expect.poll(() => reopened.getByRole('region', { name: 'Current call' }).textContent()).toContain('102');

    await bobPopup.getByRole('button', { name: 'Hang up' }).click();
    await expect.poll(() => reopened.getByLabel('Last call').textContent()).toContain('The other party hung up');
    expect((await alice.snapshot()).calls).toHaveLength(0);
    await expect.poll(async () => (await alice.serviceWorker()).evaluate(() => chrome.action.getBadgeText({}))).toBe('');
  });

  test('a declined call tells the caller the line is busy', async () => {
    const alice = await agentAs('101', 'alice-secret');
    const bob = await agentAs('102', 'bob-secret');
    const alicePopup = await alice.openPopup();
    const bobPopup = await bob.openPopup();
    await dial(alicePopup, '102');
    await bobPopup.getByRole('region', { name: 'Incoming call' }).getByRole('button', { name: 'Decline' }).click();
    await expect.poll(() => alicePopup.getByLabel('Last call').textContent()).toContain('Busy');
    await expect.poll(() => bobPopup.getByLabel('Last call').textContent()).toContain('Call declined');
  });

  test('Escape hangs up an outgoing call while the popup has focus', async () => {
    const alice = await agentAs('101', 'alice-secret');
    await agentAs('102', 'bob-secret');
    const alicePopup = await alice.openPopup();
    await dial(alicePopup, '102');
    await expect.poll(() => alicePopup.getByRole('timer', { name: 'Call status' }).textContent()).toBe('Ringing…');
    await alicePopup.keyboard.press('Escape');
    await expect.poll(() => alicePopup.getByLabel('Last call').textContent()).toContain('Call canceled');
  });

  test('with an unreachable STUN server the INVITE still leaves within 300 ms of the click', async () => {
    const alice = await agentAs('101', 'alice-secret', { iceServers: [{ urls: 'stun:127.0.0.1:9' }] });
    await agentAs('102', 'bob-secret');
    const popup = await alice.openPopup();
    // The browser's very first microphone opening costs extra; measure a call of the working day.
    await dial(popup, '102');
    await popup.getByRole('button', { name: 'Hang up' }).click();
    await alice.waitForSnapshot((s) => s.calls.length === 0, 'warm-up call ended');

    const clickedAt = await dial(popup, '102');
    const invite = await pbx.waitForRequest('INVITE', /^sip:102@/, { since: clickedAt - 50 });
    const postDialDelay = invite.at - clickedAt;
    console.log(`post-dial delay with unreachable STUN: ${postDialDelay} ms`);
    expect(postDialDelay).toBeLessThan(300);
  });

  test('a blocked microphone gives a clear message instead of a silent failure', async () => {
    const alice = await agentAs('101', 'alice-secret', {}, { microphone: false });
    await agentAs('102', 'bob-secret');
    const since = Date.now();
    const popup = await alice.openPopup();
    await dial(popup, '102');
    await expect.poll(() => popup.getByRole('alert').textContent()).toContain('Microphone access is blocked');
    await expect(popup.getByRole('button', { name: 'Allow microphone' }).isVisible()).resolves.toBe(true);
    expect(pbx.requests(since).filter((r) => r.method === 'INVITE')).toHaveLength(0);
  });
});
