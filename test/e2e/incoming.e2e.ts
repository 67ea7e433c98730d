import { describe, expect, test } from 'vitest';
import { dial, expectAudioFlowing, usePbx } from './harness/phone';

const env = usePbx();

describe('an incoming call while the popup is closed', () => {
  test('shows a notification with Answer and Decline, and Answer connects the call', async () => {
    const alice = await env.desks.registered('101');
    const bob = await env.desks.registered('102');
    const bobPopup = await bob.openPopup();
    await dial(bobPopup, '101');

    const sw = await alice.serviceWorker();
    const ringing = await alice.waitForSnapshot((s) => s.calls[0]?.state === 'incoming', 'alice ringing');
    const id = `incoming-call:${ringing.calls[0]!.id}`;
    await expect.poll(() => sw.evaluate(() => chrome.notifications.getAll())).toHaveProperty([id]);
    // Headless Chromium shows no notification to click: fire the real event the OS click would fire.
    await sw.evaluate((notificationId) => (chrome.notifications.onButtonClicked as unknown as { dispatch(id: string, index: number): void }).dispatch(notificationId, 0), id);
    await alice.waitForSnapshot((s) => s.calls[0]?.state === 'active', 'alice answered from the notification');
    await expectAudioFlowing(alice);
    await expect.poll(() => sw.evaluate(() => chrome.notifications.getAll())).not.toHaveProperty([id]);
  });
});
