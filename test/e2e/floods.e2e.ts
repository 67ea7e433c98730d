import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { sendMessageSummaries } from '../pbx/mwi';
import { infoFloodFromTrunk } from '../pbx/trunk';
import { usePbx } from './harness/phone';

const env = usePbx();

/** Counts the snapshots that reach `popup` from now on. */
async function countSnapshots(popup: Page): Promise<() => Promise<number>> {
  await popup.evaluate(() => {
    const seen = window as unknown as { snapshots: number };
    seen.snapshots = 0;
    chrome.runtime.onMessage.addListener((message: { event?: string }) => {
      if (message.event === 'snapshot') seen.snapshots += 1;
    });
  });
  return () => popup.evaluate(() => (window as unknown as { snapshots: number }).snapshots);
}

describe('floods from the PBX side', () => {
  test('a flood of voicemail NOTIFYs reaches the views as a trickle of snapshots, the last state included', async () => {
    const alice = await env.desks.registered('101');
    const popup = await alice.openPopup();
    const snapshotsSeen = await countSnapshots(popup);
    const startedAt = Date.now();
    // 300 NOTIFYs as fast as the PBX relays them, the last one saying 300 new messages.
    await sendMessageSummaries(env.pbx, '101', 300);
    const floodMs = Date.now() - startedAt;
    await alice.waitForSnapshot((s) => s.voicemail?.newMessages === 300, "the last NOTIFY's count");
    await expect.poll(() => popup.getByRole('button', { name: 'Voicemail: 300 new messages' }).isVisible()).toBe(true);
    const snapshots = await snapshotsSeen();
    console.log(`300 NOTIFYs in ${floodMs} ms: ${snapshots} snapshots reached the popup`);
    // One per 50 ms at most, and a few for the start and the end.
    expect(snapshots).toBeLessThanOrEqual(Math.ceil(floodMs / 50) + 5);
    expect((await alice.snapshot()).registration.state).toBe('registered');
  });

  test('300 INFOs inside a call (relayed DTMF, picture updates): the call stays up, the popup answers at once, the snapshots stay a trickle', async () => {
    const alice = await env.desks.registered('101');
    const popup = await alice.openPopup();
    const since = Date.now();
    const carrier = infoFloodFromTrunk(env.pbx, '101', 1500);
    await popup.getByRole('region', { name: 'Incoming call' }).getByRole('button', { name: 'Answer' }).click({ timeout: 10_000 });
    await alice.waitForSnapshot((s) => s.calls[0]?.state === 'active', 'the call answered');
    const snapshotsSeen = await countSnapshots(popup);
    const infos = () => env.pbx.requests(since).filter((r) => r.method === 'INFO');
    await expect.poll(() => infos().length, { timeout: 10_000 }).toBeGreaterThan(20);

    // In the thick of it, the agent mutes: the popup shows it at once.
    const mute = popup.getByRole('group', { name: 'Call controls' }).getByRole('button', { name: 'Mute' });
    const pressedAt = Date.now();
    await mute.click();
    await expect.poll(() => mute.getAttribute('aria-pressed'), { timeout: 2000 }).toBe('true');
    const muteMs = Date.now() - pressedAt;
    const duringFlood = infos().length < 300;

    await expect.poll(() => infos().length, { timeout: 60_000 }).toBe(300);
    const floodMs = infos().at(-1)!.at - infos()[0]!.at;
    await popup.waitForTimeout(200); // the last folded snapshot goes out
    const snapshots = await snapshotsSeen();
    console.log(`300 INFOs in a call in ${floodMs} ms: ${snapshots} snapshots reached the popup; Mute showed pressed in ${muteMs} ms`);
    expect(duringFlood).toBe(true);
    // One per 50 ms at most, and a few for the start and the end.
    expect(snapshots).toBeLessThanOrEqual(Math.ceil(floodMs / 50) + 5);
    expect((await alice.snapshot()).calls).toMatchObject([{ state: 'active', muted: true }]);

    // Still the same call: the agent hangs up and the caller gets the BYE (sipp fails otherwise).
    await popup.getByRole('button', { name: 'Hang up' }).click();
    await carrier;
    await alice.waitForSnapshot((s) => s.calls.length === 0, 'the call to end');
    expect((await alice.snapshot()).registration.state).toBe('registered');
  });
});
