import { describe, expect, test } from 'vitest';
import { callFromTrunk } from '../pbx/trunk';
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
});
