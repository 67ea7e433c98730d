import { describe, expect, test } from 'vitest';
import { badgeText, dial, expectAudioFlowing, usePbx } from './harness/phone';

const env = usePbx();

describe('calls between two agents', () => {
  test('alice calls bob, audio flows both ways, the call survives the popup closing, and bob hangs up', async () => {
    const alice = await env.desks.registered('101');
    const bob = await env.desks.registered('102');

    const alicePopup = await alice.openPopup();
    const bobPopup = await bob.openPopup();
    await dial(alicePopup, '102');

    const incoming = bobPopup.getByRole('region', { name: 'Incoming call' });
    await expect.poll(() => incoming.textContent()).toContain('101');
    await expect.poll(async () => badgeText(bob)).toBe('RING');
    await expect.poll(() => alicePopup.getByRole('timer', { name: 'Call status' }).textContent()).toBe('Ringing…');
    await incoming.getByRole('button', { name: 'Answer' }).click();

    await alice.waitForSnapshot((s) => s.calls[0]?.state === 'active', 'alice in call');
    await bob.waitForSnapshot((s) => s.calls[0]?.state === 'active', 'bob in call');
    await expect.poll(() => alicePopup.getByRole('timer', { name: 'Call status' }).textContent()).toMatch(/^00:0\d$/);
    await expectAudioFlowing(alice);
    await expectAudioFlowing(bob);

    await alicePopup.close();
    await expectAudioFlowing(alice);
    await expect.poll(async () => badgeText(alice)).toBe('CALL');

    const reopened = await alice.openPopup();
    await expect.poll(() => reopened.getByRole('region', { name: 'Current call' }).textContent()).toContain('102');

    await bobPopup.getByRole('button', { name: 'Hang up' }).click();
    await expect.poll(() => reopened.getByLabel('Last call').textContent()).toContain('The other party hung up');
    expect((await alice.snapshot()).calls).toHaveLength(0);
    await expect.poll(async () => badgeText(alice)).toBe('');
  });

  test('a declined call tells the caller the line is busy', async () => {
    const alice = await env.desks.registered('101');
    const bob = await env.desks.registered('102');
    const alicePopup = await alice.openPopup();
    const bobPopup = await bob.openPopup();
    await dial(alicePopup, '102');
    await bobPopup.getByRole('region', { name: 'Incoming call' }).getByRole('button', { name: 'Decline' }).click();
    await expect.poll(() => alicePopup.getByLabel('Last call').textContent()).toContain('Busy');
    await expect.poll(() => bobPopup.getByLabel('Last call').textContent()).toContain('Call declined');
  });

  test('Escape hangs up an outgoing call while the popup has focus', async () => {
    const alice = await env.desks.registered('101');
    await env.desks.registered('102');
    const alicePopup = await alice.openPopup();
    await dial(alicePopup, '102');
    await expect.poll(() => alicePopup.getByRole('timer', { name: 'Call status' }).textContent()).toBe('Ringing…');
    await alicePopup.keyboard.press('Escape');
    await expect.poll(() => alicePopup.getByLabel('Last call').textContent()).toContain('Call canceled');
  });

  test('with an unreachable STUN server the INVITE still leaves within 300 ms of the click', async () => {
    const alice = await env.desks.registered('101', { iceServers: [{ urls: 'stun:127.0.0.1:9' }] });
    await env.desks.registered('102');
    const popup = await alice.openPopup();
    // The browser's very first microphone opening costs extra; measure a call of the working day.
    await dial(popup, '102');
    await popup.getByRole('button', { name: 'Hang up' }).click();
    await alice.waitForSnapshot((s) => s.calls.length === 0, 'warm-up call ended');

    const clickedAt = await dial(popup, '102');
    const invite = await env.pbx.waitForRequest('INVITE', /^sip:102@/, { since: clickedAt - 50 });
    const postDialDelay = invite.at - clickedAt;
    console.log(`post-dial delay with unreachable STUN: ${postDialDelay} ms`);
    expect(postDialDelay).toBeLessThan(300);
  });

  test('a blocked microphone gives a clear message instead of a silent failure', async () => {
    const alice = await env.desks.registered('101', {}, { microphone: false });
    await env.desks.registered('102');
    const since = Date.now();
    const popup = await alice.openPopup();
    await dial(popup, '102');
    await expect.poll(() => popup.getByRole('alert').textContent()).toContain('Microphone access is blocked');
    await expect(popup.getByRole('button', { name: 'Allow microphone' }).isVisible()).resolves.toBe(true);
    expect(env.pbx.requests(since).filter((r) => r.method === 'INVITE')).toHaveLength(0);
  });
});

describe("in the agent's language", () => {
  test('a French agent reads how the call ended, and why a number cannot be called, in French', async () => {
    const alice = await env.desks.registered('101', {}, { language: 'fr' });
    const bob = await env.desks.registered('102');
    const [alicePopup, bobPopup] = await Promise.all([alice.openPopup(), bob.openPopup()]);
    await alicePopup.getByRole('textbox', { name: 'Numéro à appeler' }).fill('102');
    await alicePopup.getByRole('button', { name: 'Appeler' }).click();
    await bobPopup.getByRole('region', { name: 'Incoming call' }).getByRole('button', { name: 'Answer' }).click();
    await alice.waitForSnapshot((s) => s.calls[0]?.state === 'active', 'alice in call');
    await bobPopup.getByRole('button', { name: 'Hang up' }).click();
    await expect.poll(() => alicePopup.getByRole('note').textContent()).toContain('Votre correspondant a raccroché');
    await alice.command('call', { target: '02 555 ! 12' });
    await expect.poll(() => alicePopup.getByRole('alert').first().textContent()).toContain("« ! » n'est pas autorisé");
  });
});
