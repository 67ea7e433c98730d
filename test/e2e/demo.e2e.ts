import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { AGENT, configureExtension, DemoCaller, demoSettings, ECHO_TEST, startDemoPbx } from '../../scripts/demo/setup';
import type { TestPbx } from '../pbx/pbx';
import { Agent } from './harness/browser';
import { audioLevel, dial, expectAudioFlowing } from './harness/phone';

// What `npm run demo` sets up, checked against the real extension: a newcomer's first minutes.
let pbx: TestPbx;
let agent: Agent;

beforeAll(async () => {
  pbx = await startDemoPbx();
  agent = await Agent.launch();
  await configureExtension(await agent.openOptions(), demoSettings(pbx));
  await agent.waitUntilRegistered();
});
afterAll(async () => {
  await agent?.close();
  await pbx?.stop();
});

describe('the demo', () => {
  test('the echo test answers and sends the agent their own voice back until they hang up', async () => {
    const popup = await agent.openPopup();
    await dial(popup, ECHO_TEST);
    const { calls } = await agent.waitForSnapshot((s) => s.calls[0]?.state === 'active', 'echo test answered');
    await expectAudioFlowing(agent);
    // The fake microphone's beep comes back: the echo carries sound, not silence.
    await expect.poll(() => audioLevel(agent), { timeout: 5000 }).toBeGreaterThan(0.01);
    await new Promise((r) => setTimeout(r, 3000));
    expect((await agent.snapshot()).calls[0]?.state).toBe('active');
    await popup.getByRole('button', { name: 'Hang up' }).click();
    await agent.waitForSnapshot((s) => s.calls.length === 0, `call ${calls[0]!.id} over`);
  });

  test('the demo caller rings the agent on request and hangs up on the next', async () => {
    const caller = await DemoCaller.start(pbx);
    try {
      expect(await caller.callAgent()).toContain(`calling ${AGENT}`);
      await agent.waitForSnapshot((s) => s.calls[0]?.state === 'incoming', 'the demo call ringing');
      expect(await caller.callAgent()).toContain('hung up');
      await agent.waitForSnapshot((s) => s.calls.length === 0, 'the demo call withdrawn');
    } finally {
      await caller.close();
    }
  });

  test('the demo queue and caller ID rules are in place', async () => {
    const stored = await (await agent.openOptions()).evaluate(() => chrome.storage.local.get(['queueSettings', 'callerId']));
    expect(JSON.stringify(stored)).toContain('Support');
    expect(stored.callerId).toMatchObject({ defaultOutgoingNumber: '+3225550100', homeCountry: 'BE' });
  });
});
