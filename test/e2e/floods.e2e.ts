import { describe, expect, test } from 'vitest';
import { sendMessageSummaries } from '../pbx/mwi';
import { usePbx } from './harness/phone';

const env = usePbx();

describe('floods from the PBX side', () => {
  test('a flood of voicemail NOTIFYs reaches the views as a trickle of snapshots, the last state included', async () => {
    const alice = await env.desks.registered('101');
    const popup = await alice.openPopup();
    await popup.evaluate(() => {
      const seen = window as unknown as { snapshots: number };
      seen.snapshots = 0;
      chrome.runtime.onMessage.addListener((message: { event?: string }) => {
        if (message.event === 'snapshot') seen.snapshots += 1;
      });
    });
    const startedAt = Date.now();
    // 300 NOTIFYs as fast as the PBX relays them, the last one saying 300 new messages.
    await sendMessageSummaries(env.pbx, '101', 300);
    const floodMs = Date.now() - startedAt;
    await alice.waitForSnapshot((s) => s.voicemail?.newMessages === 300, "the last NOTIFY's count");
    await expect.poll(() => popup.getByRole('button', { name: 'Voicemail: 300 new messages' }).isVisible()).toBe(true);
    const snapshots = await popup.evaluate(() => (window as unknown as { snapshots: number }).snapshots);
    console.log(`300 NOTIFYs in ${floodMs} ms: ${snapshots} snapshots reached the popup`);
    // One per 50 ms at most, and a few for the start and the end.
    expect(snapshots).toBeLessThanOrEqual(Math.ceil(floodMs / 50) + 5);
    expect((await alice.snapshot()).registration.state).toBe('registered');
  });
});
