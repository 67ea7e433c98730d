import { describe, expect, test } from 'vitest';
import { sendMessageSummary } from '../pbx/mwi';
import { usePbx } from './harness/phone';

describe('a PBX that only notifies subscribers of their voicemail (RFC 3842)', () => {
  const env = usePbx({ voicemailSubscriptions: { newMessages: 3, oldMessages: 1 } });

  test('the softphone subscribes, and the envelope shows the messages waiting', async () => {
    const alice = await env.desks.registered('101');
    const popup = await alice.openPopup();
    await expect.poll(() => popup.getByRole('button', { name: 'Voicemail: 3 new messages' }).isVisible()).toBe(true);
    expect((await alice.snapshot()).voicemail).toEqual({ waiting: true, newMessages: 3, oldMessages: 1 });
  });
});

describe('a PBX that refuses voicemail subscriptions', () => {
  const env = usePbx();

  test('the refusal is taken gracefully: asked once, still registered, and unsolicited notifications still count', async () => {
    const since = Date.now();
    const alice = await env.desks.registered('101');
    await expect.poll(() => env.pbx.logLines(since).some((l) => /MWI SUBSCRIBE REFUSED 101/.test(l))).toBe(true);
    await new Promise((r) => setTimeout(r, 2000));
    const subscribes = new Set(
      env.pbx
        .requests(since)
        .filter((r) => r.method === 'SUBSCRIBE')
        .map((r) => /ci=(\S+)/.exec(r.text)?.[1]),
    );
    expect(subscribes.size).toBe(1);
    expect((await alice.snapshot()).registration.state).toBe('registered');
    await sendMessageSummary(env.pbx, '101', 2, 0);
    await alice.waitForSnapshot((s) => s.voicemail?.newMessages === 2, 'the unsolicited notification');
  });
});
