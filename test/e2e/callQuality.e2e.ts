import { describe, expect, test } from 'vitest';
import { dial, usePbx } from './harness/phone';

// *43 echoes every packet back; *48 rings, answers and then sends no audio at all, as a far end
// with broken media does (a firewall, a missing rtcp-mux, a desk phone that answers into the void).
// *47 echoes over a lossy line: the test sets the share of packets the far end drops.
const env = usePbx({ echoCodes: ['*43'], ringbackCodes: ['*48'], lossyEchoCodes: ['*47'] });

describe('call quality during the call', () => {
  test('a clean line says so, and no warning shows', async () => {
    const alice = await env.desks.registered('101');
    const popup = await alice.openPopup();
    await dial(popup, '*43');
    await alice.waitForSnapshot((s) => s.calls[0]?.state === 'active', 'the echo test answered');
    await expect.poll(() => popup.getByRole('status', { name: 'Call quality' }).textContent(), { timeout: 10_000 }).toBe('Good line');
    await new Promise((r) => setTimeout(r, 4000));
    expect(await popup.getByText('No audio from the other side').count()).toBe(0);
    await popup.getByRole('button', { name: 'Hang up' }).click();
  });

  test('a far end that answers and sends nothing: the agent is told within seconds, and Recent calls keeps it', async () => {
    const alice = await env.desks.registered('101');
    const popup = await alice.openPopup();
    await dial(popup, '*48');
    const answered = await alice.waitForSnapshot((s) => s.calls[0]?.state === 'active', 'the silent callee answered', 10_000);
    const answeredAt = answered.calls[0]!.answeredAt!;
    await expect.poll(() => popup.getByRole('alert').filter({ hasText: 'No audio from the other side' }).count(), { timeout: 10_000 }).toBe(1);
    console.log(`one-way audio told ${Date.now() - answeredAt} ms after the answer`);
    expect(await popup.getByRole('status', { name: 'Call quality' }).textContent()).toBe('Poor line');
    await popup.getByRole('button', { name: 'Hang up' }).click();
    const sw = await alice.serviceWorker();
    await expect
      .poll(() => sw.evaluate(async () => ((await chrome.storage.local.get('recentCalls')).recentCalls as { quality: unknown }[] | undefined)?.[0]?.quality))
      .toMatchObject({ worst: 'poor' });
    await popup.getByRole('tab', { name: /Recent/ }).click();
    await expect.poll(() => popup.getByText(/Poor line, \d+(\.\d)? % lost/).count()).toBe(1);
  });

  test('packet loss on the line: the indicator turns poor while packets are lost, and better once they are not', async () => {
    const lossy = env.pbx.lossyEcho!;
    lossy.loss = 0;
    const alice = await env.desks.registered('101');
    const popup = await alice.openPopup();
    const quality = popup.getByRole('status', { name: 'Call quality' });
    await dial(popup, '*47');
    await alice.waitForSnapshot((s) => s.calls[0]?.state === 'active', 'the lossy echo answered');
    await expect.poll(() => quality.textContent(), { timeout: 10_000 }).toBe('Good line');
    lossy.loss = 0.15;
    const lossyAt = Date.now();
    await expect.poll(() => quality.textContent(), { timeout: 10_000 }).toBe('Poor line');
    const poor = (await alice.snapshot()).calls[0]?.quality;
    console.log(
      `15 % dropped (${lossy.dropped} of ${lossy.received} packets): "Poor line" after ${Date.now() - lossyAt} ms, ${poor?.lossPercent} % lost as measured`,
    );
    expect(poor?.lossPercent).toBeGreaterThanOrEqual(5);
    expect(poor?.silentSide, 'loss is not silence').toBeNull();
    lossy.loss = 0;
    await expect.poll(() => quality.textContent(), { timeout: 15_000 }).toBe('Good line');
    await popup.getByRole('button', { name: 'Hang up' }).click();
    await popup.getByRole('tab', { name: /Recent/ }).click();
    await expect.poll(() => popup.getByText(/Poor line, \d+(\.\d)? % lost/).count()).toBe(1);
  });
});
