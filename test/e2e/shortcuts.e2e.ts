import { describe, expect, test } from 'vitest';
import type { Agent } from './harness/browser';
import { dial, expectAudioFlowing, usePbx } from './harness/phone';

const env = usePbx();

/**
 * Headless Chromium cannot press a browser-wide shortcut: the test fires the real
 * commands.onCommand event the browser fires for one, in the service worker, with no popup open.
 */
async function press(agent: Agent, command: string): Promise<void> {
  const sw = await agent.serviceWorker();
  await sw.evaluate((name) => (chrome.commands.onCommand as unknown as { dispatch(command: string): void }).dispatch(name), command);
}

describe('hands-free shortcuts with the popup closed', () => {
  test('answer, mute, hold, resume and hang up, each by its shortcut', async () => {
    const alice = await env.desks.registered('101');
    const bob = await env.desks.registered('102');
    await dial(await bob.openPopup(), '101');
    await alice.waitForSnapshot((s) => s.calls[0]?.state === 'incoming', 'alice ringing');

    await press(alice, 'answer-call');
    await alice.waitForSnapshot((s) => s.calls[0]?.state === 'active', 'answered by shortcut');
    await expectAudioFlowing(alice);

    await press(alice, 'toggle-mute');
    await alice.waitForSnapshot((s) => s.calls[0]?.muted === true, 'muted by shortcut');
    await press(alice, 'toggle-mute');
    await alice.waitForSnapshot((s) => s.calls[0]?.muted === false, 'unmuted by shortcut');

    await press(alice, 'toggle-hold');
    await alice.waitForSnapshot((s) => s.calls[0]?.held === true, 'held by shortcut');
    await bob.waitForSnapshot((s) => s.calls[0]?.heldByRemote === true, 'bob sees the hold');
    await press(alice, 'toggle-hold');
    await alice.waitForSnapshot((s) => s.calls[0]?.held === false, 'resumed by shortcut');

    await press(alice, 'hang-up');
    await alice.waitForSnapshot((s) => s.calls.length === 0, 'hung up by shortcut');
    await bob.waitForSnapshot((s) => s.calls.length === 0 && s.lastEndedCall?.end?.code === 'remote_hangup', 'bob sees the hang-up');
  });

  test('decline refuses the ringing call; hang-up does not touch a call that rings', async () => {
    const alice = await env.desks.registered('101');
    const bob = await env.desks.registered('102');
    await dial(await bob.openPopup(), '101');
    await alice.waitForSnapshot((s) => s.calls[0]?.state === 'incoming', 'alice ringing');
    await press(alice, 'hang-up');
    await alice.sleep(500);
    expect((await alice.snapshot()).calls[0]?.state).toBe('incoming');

    await press(alice, 'decline-call');
    await bob.waitForSnapshot((s) => s.calls.length === 0 && s.lastEndedCall?.end?.code === 'busy', 'bob hears busy');
  });
});

describe('where the agent sees the shortcuts', () => {
  test("the popup's tooltips name them, and Settings lists every one, assigned or not", async () => {
    const alice = await env.desks.registered('101');
    const bob = await env.desks.registered('102');
    const alicePopup = await alice.openPopup();
    await dial(await bob.openPopup(), '101');
    const incoming = alicePopup.getByRole('region', { name: 'Incoming call' });
    await expect.poll(() => incoming.getByRole('button', { name: 'Answer' }).getAttribute('title')).toBe('Answer (Alt+Shift+Y)');
    expect(await incoming.getByRole('button', { name: 'Decline' }).getAttribute('title')).toBe('Decline');
    await incoming.getByRole('button', { name: 'Answer' }).click();
    const controls = alicePopup.getByRole('group', { name: 'Call controls' });
    await expect.poll(() => controls.getByRole('button', { name: 'Mute' }).getAttribute('title')).toBe('Mute (Alt+Shift+M)');
    expect(await alicePopup.getByRole('button', { name: 'Hang up' }).getAttribute('title')).toBe('Hang up (Alt+Shift+H)');

    const options = await alice.openOptions();
    const table = options.getByRole('region', { name: 'Keyboard shortcuts' }).getByRole('table');
    const row = (name: string) => table.getByRole('row', { name: new RegExp(`^${name}`) });
    await expect.poll(() => row('Answer the ringing call').textContent()).toContain('Alt+Shift+Y');
    expect(await row('Decline the ringing call').textContent()).toContain('Not set');
    expect(await row('Hang up the current call').textContent()).toContain('Alt+Shift+H');
    expect(await row('Mute or unmute the microphone').textContent()).toContain('Alt+Shift+M');
    expect(await row('Hold or resume the current call').textContent()).toContain('Not set');
  });
});
