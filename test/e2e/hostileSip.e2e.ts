import { describe, expect, test } from 'vitest';
import { callFromTrunk, reinvitingCallFromTrunk } from '../pbx/trunk';
import { keepNotifications } from './harness/notifications';
import { dial, usePbx } from './harness/phone';

const env = usePbx();

describe('hostile input from the SIP side', () => {
  test('a huge display name is cut short on screen and the softphone stays up', async () => {
    const alice = await env.desks.registered('101');
    const popup = await alice.openPopup();
    const calling = callFromTrunk(env.pbx, '101', 1, 2000, { callerName: `Mallory ${'X'.repeat(3000)}` });
    const incoming = popup.getByRole('region', { name: 'Incoming call' });
    await expect.poll(() => incoming.textContent()).toContain('Mallory');
    const shown = (await alice.snapshot()).calls[0]?.remoteName ?? '';
    expect(shown.length).toBeLessThanOrEqual(64);
    const box = await incoming.boundingBox();
    expect(box?.width ?? 0).toBeLessThanOrEqual(320);
    await calling;
    await alice.waitForSnapshot((s) => s.calls.length === 0, 'the caller gave up');
  });

  test('a caller name dressed up as a number: its invisible and bidi characters are stripped, and the number is shown apart from it', async () => {
    const alice = await env.desks.registered('101');
    const sw = await alice.serviceWorker();
    const created = await keepNotifications(sw);
    const hidden = /[\u200b-\u200f\u061c\u2060-\u2069\u202a-\u202e\ufeff]/;
    const calling = callFromTrunk(env.pbx, '101', 1, 4000, { callerName: 'Police\u200b\u061c \u00b7 +32\u2066 2 555 00 00\u2069\u200d' });
    const ringing = await alice.waitForSnapshot((s) => s.calls[0]?.state === 'incoming', 'the spoofing caller ringing');
    expect(ringing.calls[0]!.remoteName).toBe('Police · +32 2 555 00 00');
    expect(ringing.calls[0]!.remoteNumber).toBe('+32255501');

    await expect.poll(async () => (await created()).length).toBe(1);
    const [notification] = await created();
    expect(notification!.title).toBe('Incoming call from +32255501');
    expect(notification!.message).toBe('Police · +32 2 555 00 00');
    expect(JSON.stringify(notification)).not.toMatch(hidden);

    const popup = await alice.openPopup();
    const incoming = popup.getByRole('region', { name: 'Incoming call' });
    await expect.poll(() => incoming.locator('.remote-number').textContent()).toBe('+32255501');
    expect(await incoming.locator('.remote-name').textContent()).toBe('Police · +32 2 555 00 00');
    await calling;
    // Once it is over, the one line about it names the number, not the name the caller chose.
    const lastCall = popup.getByRole('note', { name: 'Last call' });
    await expect.poll(() => lastCall.textContent()).toMatch(/^Last call: \+32255501 · /);
    expect(await lastCall.textContent()).not.toContain('Police');
  });

  test('an offer without audio is refused with 488 and the next call rings normally', async () => {
    const alice = await env.desks.registered('101');
    const bob = await env.desks.registered('102');
    const since = Date.now();
    await callFromTrunk(env.pbx, '101', 1, 1000, { media: 'video' });
    expect(env.pbx.logLines(since).filter((l) => /REPLY 488 .* for INVITE/.test(l))).toHaveLength(1);
    expect((await alice.snapshot()).calls).toHaveLength(0);

    await dial(await bob.openPopup(), '101');
    await alice.waitForSnapshot((s) => s.calls[0]?.state === 'incoming', 'a normal call rings');
  });

  test('re-INVITEs it cannot take are refused and the call goes on; one it cannot complete ends the call cleanly', async () => {
    const alice = await env.desks.registered('101');
    const popup = await alice.openPopup();
    const since = Date.now();
    const carrier = reinvitingCallFromTrunk(env.pbx, '101', 2000);
    await popup.getByRole('region', { name: 'Incoming call' }).getByRole('button', { name: 'Answer' }).click();
    const answered = await alice.waitForSnapshot((s) => s.calls[0]?.state === 'active', 'the carrier call answered');
    const callId = answered.calls[0]!.id;
    // The agent's audio reaches the carrier side (DTLS-SRTP with ICE to rtpengine, plain RTP beyond).
    await expect.poll(async () => (await alice.callStats(callId))?.bytesSent ?? 0, { timeout: 5000 }).toBeGreaterThan(1000);

    // No audio, not SDP, not declared as SDP: each refused, and the call is still up.
    const refusals = () =>
      env.pbx
        .logLines(since)
        .filter((l) => /REPLY (488|415) .* for INVITE/.test(l))
        .map((l) => l.match(/REPLY (\d+)/)![1]);
    await expect.poll(refusals, { timeout: 10_000 }).toEqual(['488', '488', '415']);
    expect((await alice.callStats(callId))?.bytesSent ?? 0).toBeGreaterThan(0);
    const during = await alice.snapshot();
    expect(during.calls).toHaveLength(1);
    expect(during.calls[0]!.state).toBe('active');
    await expect.poll(() => popup.getByRole('button', { name: 'Hang up' }).count()).toBe(1);

    // An offerless re-INVITE acknowledged without an answer: the softphone ends the call with BYE.
    await carrier;
    const ended = await alice.waitForSnapshot((s) => s.calls.length === 0, 'the call ended');
    expect(ended.lastEndedCall?.answeredAt).not.toBeNull();
    expect(ended.lastEndedCall?.end?.code).toBe('media_unusable');
    await expect.poll(() => popup.getByLabel('Last call').textContent()).toContain('audio settings the softphone cannot use');
    expect(ended.registration.state).toBe('registered');
    await expect.poll(() => popup.getByRole('button', { name: 'Hang up' }).count()).toBe(0);

    // The softphone is still up: the next call rings.
    const bob = await env.desks.registered('102');
    await dial(await bob.openPopup(), '101');
    await alice.waitForSnapshot((s) => s.calls[0]?.state === 'incoming', 'the next call rings');
  });
});
