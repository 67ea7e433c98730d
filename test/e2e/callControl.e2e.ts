import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { audioLevel, badgeText, connect, dial, expectAudioFlowing, expectAudioStopped, usePbx } from './harness/phone';

const env = usePbx();

const controls = (popup: Page) => popup.getByRole('group', { name: 'Call controls' });

/** Alice calls bob, bob answers and opens the transfer form with `target` typed in. */
async function bobTransfersAliceTo(target: string) {
  const alice = await env.desks.registered('101');
  const bob = await env.desks.registered('102');
  const carol = await env.desks.registered('103');
  const [alicePopup, bobPopup, carolPopup] = await Promise.all([alice.openPopup(), bob.openPopup(), carol.openPopup()]);
  await connect(alice, alicePopup, bob, bobPopup, '102');
  await controls(bobPopup).getByRole('button', { name: 'Transfer' }).click();
  await bobPopup.getByRole('textbox', { name: 'Transfer to' }).fill(target);
  return { alice, bob, carol, alicePopup, bobPopup, carolPopup };
}

/** Alice is asked whether she takes the transfer, and accepts. */
async function aliceAcceptsTheTransfer(alicePopup: Page): Promise<void> {
  await alicePopup.getByRole('alertdialog', { name: 'Transfer request' }).getByRole('button', { name: 'Accept transfer' }).click({ timeout: 10_000 });
}

describe('during a call', () => {
  test('hold stops the audio and resume brings it back; mute silences the agent', async () => {
    const alice = await env.desks.registered('101');
    const bob = await env.desks.registered('102');
    const alicePopup = await alice.openPopup();
    const bobPopup = await bob.openPopup();
    await connect(alice, alicePopup, bob, bobPopup, '102');
    await expectAudioFlowing(bob);

    await controls(alicePopup).getByRole('button', { name: 'Hold' }).click();
    await expect.poll(() => controls(alicePopup).getByRole('button', { name: 'Hold' }).getAttribute('aria-pressed')).toBe('true');
    await expect.poll(() => alicePopup.getByRole('timer', { name: 'Call status' }).textContent()).toBe('On hold');
    // On hold bob no longer sends, and what alice still sends is silence.
    await expectAudioStopped(alice);
    await expect.poll(() => audioLevel(bob), { timeout: 5000 }).toBeLessThan(0.001);

    await controls(alicePopup).getByRole('button', { name: 'Hold' }).click();
    await expect.poll(() => controls(alicePopup).getByRole('button', { name: 'Hold' }).getAttribute('aria-pressed')).toBe('false');
    await expectAudioFlowing(alice);

    await expect.poll(() => audioLevel(bob), { timeout: 5000 }).toBeGreaterThan(0.01);
    await controls(alicePopup).getByRole('button', { name: 'Mute' }).click();
    await expect.poll(() => controls(alicePopup).getByRole('button', { name: 'Mute' }).getAttribute('aria-pressed')).toBe('true');
    await expect.poll(() => audioLevel(bob), { timeout: 5000 }).toBeLessThan(0.001);
    await controls(alicePopup).getByRole('button', { name: 'Mute' }).click();
    await expect.poll(() => audioLevel(bob), { timeout: 5000 }).toBeGreaterThan(0.01);
  });

  test('tones sent by SIP INFO reach the far end', async () => {
    const alice = await env.desks.registered('101');
    const bob = await env.desks.registered('102');
    const alicePopup = await alice.openPopup();
    const bobPopup = await bob.openPopup();
    await alicePopup.evaluate(() => chrome.runtime.sendMessage({ to: 'background', type: 'updatePreferences', payload: { patch: { dtmfMethod: 'info' } } }));
    await connect(alice, alicePopup, bob, bobPopup, '102');

    await controls(alicePopup).getByRole('button', { name: 'Keypad' }).click();
    const tones = alicePopup.getByRole('group', { name: 'Tones keypad' });
    for (const key of ['1', '2', '3', '#']) await tones.getByRole('button', { name: `Send tone ${key}` }).click();
    await expect.poll(() => alicePopup.getByLabel('Tones sent').textContent()).toBe('123#');
    await bob.waitForSnapshot((s) => s.calls[0]?.receivedTones === '123#', 'bob to receive 123#');
  });

  test('blind transfer: bob sends alice on to carol and leaves the call', async () => {
    const { alice, bob, carol, alicePopup, bobPopup, carolPopup } = await bobTransfersAliceTo('103');
    await bobPopup.getByRole('button', { name: 'Transfer now' }).click();
    await aliceAcceptsTheTransfer(alicePopup);

    const incoming = carolPopup.getByRole('region', { name: 'Incoming call' });
    await expect.poll(() => incoming.textContent(), { timeout: 10_000 }).toContain('101');
    await incoming.getByRole('button', { name: 'Answer' }).click();
    await carol.waitForSnapshot((s) => s.calls[0]?.state === 'active', 'carol talking to alice');
    await alice.waitForSnapshot((s) => s.calls.length === 1 && s.calls[0]?.remoteNumber === '103' && s.calls[0]?.state === 'active', 'alice talking to carol');
    await bob.waitForSnapshot((s) => s.calls.length === 0, 'bob out of the call');
    await expectAudioFlowing(carol);
  });

  test('attended transfer: bob talks to carol first, then connects alice with her', async () => {
    const { alice, bob, carol, alicePopup, bobPopup, carolPopup } = await bobTransfersAliceTo('103');
    await bobPopup.getByRole('button', { name: 'Talk first' }).click();
    await carolPopup.getByRole('region', { name: 'Incoming call' }).getByRole('button', { name: 'Answer' }).click();
    await bob.waitForSnapshot((s) => s.calls.length === 2 && s.calls.some((c) => c.remoteNumber === '103' && c.state === 'active'), 'bob consulting carol');
    expect((await bob.snapshot()).calls.find((c) => c.remoteNumber === '101')?.held).toBe(true);

    await bobPopup.getByRole('button', { name: 'Connect 101 with 103' }).click();
    await aliceAcceptsTheTransfer(alicePopup);
    await bob.waitForSnapshot((s) => s.calls.length === 0, 'bob out of both calls', 20_000);
    await alice.waitForSnapshot((s) => s.calls.length === 1 && s.calls[0]?.remoteNumber === '103' && s.calls[0]?.state === 'active', 'alice talking to carol');
    await carol.waitForSnapshot((s) => s.calls.length === 1 && s.calls[0]?.state === 'active', 'carol talking to alice');
    await expectAudioFlowing(carol);
    await expectAudioFlowing(alice);
  });
});

describe('more than one call', () => {
  test('call waiting: a second call rings, answering holds the first, and the two can be swapped', async () => {
    const alice = await env.desks.registered('101');
    const bob = await env.desks.registered('102');
    const carol = await env.desks.registered('103');
    const [alicePopup, bobPopup, carolPopup] = await Promise.all([alice.openPopup(), bob.openPopup(), carol.openPopup()]);
    await connect(bob, bobPopup, alice, alicePopup, '101');

    await dial(carolPopup, '101');
    const incoming = alicePopup.getByRole('region', { name: 'Incoming call' });
    await expect.poll(() => incoming.textContent()).toContain('103');
    await incoming.getByRole('button', { name: 'Answer (hold current)' }).click();
    await alice.waitForSnapshot(
      (s) => s.calls.find((c) => c.remoteNumber === '102')?.held === true && s.calls.find((c) => c.remoteNumber === '103')?.state === 'active',
      'bob held, carol active',
    );
    await expectAudioFlowing(carol);

    await alicePopup.getByRole('button', { name: 'Switch to 102' }).click();
    const swapped = await alice.waitForSnapshot(
      (s) => s.calls.find((c) => c.remoteNumber === '103')?.held === true && s.calls.find((c) => c.remoteNumber === '102')?.held === false,
      'swapped',
    );
    await expectAudioStopped(alice, swapped.calls.find((c) => c.remoteNumber === '103')?.id);
    await expect.poll(() => audioLevel(carol), { timeout: 5000 }).toBeLessThan(0.001);
    await expectAudioFlowing(bob);
  });

  test('with call waiting off, a second caller hears busy', async () => {
    const alice = await env.desks.registered('101');
    const bob = await env.desks.registered('102');
    const carol = await env.desks.registered('103');
    const [alicePopup, bobPopup, carolPopup] = await Promise.all([alice.openPopup(), bob.openPopup(), carol.openPopup()]);
    await alicePopup.evaluate(() => chrome.runtime.sendMessage({ to: 'background', type: 'updatePreferences', payload: { patch: { callWaiting: false } } }));
    await connect(bob, bobPopup, alice, alicePopup, '101');
    await dial(carolPopup, '101');
    await expect.poll(() => carolPopup.getByLabel('Last call').textContent()).toContain('Busy');
    expect((await alice.snapshot()).calls).toHaveLength(1);
  });

  test('do not disturb refuses calls busy and shows on the badge', async () => {
    const alice = await env.desks.registered('101');
    const bob = await env.desks.registered('102');
    const [alicePopup, bobPopup] = await Promise.all([alice.openPopup(), bob.openPopup()]);
    await alicePopup.getByRole('button', { name: 'Do not disturb' }).click();
    await expect.poll(() => alicePopup.getByRole('button', { name: 'Do not disturb' }).getAttribute('aria-pressed')).toBe('true');
    await expect.poll(() => badgeText(alice)).toBe('DND');
    await dial(bobPopup, '101');
    await expect.poll(() => bobPopup.getByLabel('Last call').textContent()).toContain('Busy');
    expect((await alice.snapshot()).calls).toHaveLength(0);
  });
});

describe('tones in the audio', () => {
  test('RFC 4733 tones reach the far end through the PBX media relay', async () => {
    const alice = await env.desks.registered('101');
    const placed = await alice.command<{ ok: boolean; value: { callId: string } }>('call', { target: '*45' });
    await alice.waitForSnapshot((s) => s.calls[0]?.state === 'active', 'the announcement answered');
    const since = Date.now();
    await alice.command('sendDtmf', { callId: placed.value.callId, tones: '4#' });
    await expect.poll(() => env.pbx.dtmf.digits(since), { timeout: 3000 }).toBe('4#');
  });
});
