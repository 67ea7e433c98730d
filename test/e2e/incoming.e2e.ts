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
    await sw.evaluate(
      (notificationId) => (chrome.notifications.onButtonClicked as unknown as { dispatch(id: string, index: number): void }).dispatch(notificationId, 0),
      id,
    );
    await alice.waitForSnapshot((s) => s.calls[0]?.state === 'active', 'alice answered from the notification');
    await expectAudioFlowing(alice);
    await expect.poll(() => sw.evaluate(() => chrome.notifications.getAll())).not.toHaveProperty([id]);
  });

  test('a notification shown before the service worker was stopped is still cleared when the caller gives up', async () => {
    const alice = await env.desks.registered('101');
    const bob = await env.desks.registered('102');
    const bobPopup = await bob.openPopup();
    await dial(bobPopup, '101');
    const ringing = await alice.waitForSnapshot((s) => s.calls[0]?.state === 'incoming', 'alice ringing');
    const id = `incoming-call:${ringing.calls[0]!.id}`;
    // Asked from an extension page: it outlives the service worker.
    const page = await alice.openOptions();
    const shown = () => page.evaluate(() => chrome.notifications.getAll());
    await expect.poll(shown).toHaveProperty([id]);

    // Chrome stops an idle service worker whenever it likes; here, while the call rings.
    const cdp = await alice.context.newCDPSession(page);
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.stopAllWorkers');
    await expect.poll(async () => (await alice.snapshot()).calls[0]?.state).toBe('incoming');

    await bobPopup.getByRole('button', { name: 'Hang up' }).click();
    await alice.waitForSnapshot((s) => s.calls.length === 0, 'the caller gave up');
    await expect.poll(shown).not.toHaveProperty([id]);
  });
});

describe('the popup opened on a ringing call', () => {
  test('shows the call at once from the kept snapshot while the service worker is busy, then answers it', async () => {
    const alice = await env.desks.registered('101');
    const bob = await env.desks.registered('102');
    const bobPopup = await bob.openPopup();
    await dial(bobPopup, '101');
    await alice.waitForSnapshot((s) => s.calls[0]?.state === 'incoming', 'alice ringing');
    const sw = await alice.serviceWorker();
    await expect
      .poll(() =>
        sw.evaluate(
          async () => ((await chrome.storage.session.get('lastSnapshot')).lastSnapshot as { calls?: { state: string }[] } | undefined)?.calls?.[0]?.state,
        ),
      )
      .toBe('incoming');

    // The service worker is busy for 6 s (a long task of its own): it cannot answer the popup meanwhile.
    await sw.evaluate(() => {
      setTimeout(() => {
        const end = Date.now() + 6000;
        while (Date.now() < end);
      }, 0);
    });
    const popup = await alice.openPopup();
    await expect.poll(() => popup.getByRole('region', { name: 'Incoming call' }).isVisible(), { timeout: 3000 }).toBe(true);

    await popup.getByRole('button', { name: 'Answer' }).click();
    await alice.waitForSnapshot((s) => s.calls[0]?.state === 'active', 'answered from the popup', 20_000);
    await expect(popup.getByRole('region', { name: 'Current call' }).isVisible()).resolves.toBe(true);
  });
});
