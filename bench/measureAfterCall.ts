import type { Page } from 'playwright-core';
import { Agent } from '../test/e2e/harness/browser';
import { WebhookReceiver } from '../test/e2e/harness/receiver';
import { extensionWithLoopbackGranted } from '../test/e2e/harness/testSite';
import { TestPbx } from '../test/pbx/pbx';
import { type BenchFigure, figure } from './figure';

export interface AfterCallBenchOptions {
  repetitions?: number;
  drainRepetitions?: number;
  records?: number;
  log?: (line: string) => void;
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

async function until(probe: () => boolean | Promise<boolean>, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await probe()) return;
    await sleep(5);
  }
  throw new Error(`timed out waiting for ${what}`);
}

async function saveWebhook(agent: Agent, url: string): Promise<void> {
  const page = await agent.openOptions();
  const section = page.getByRole('region', { name: 'After the call' });
  await section.getByRole('textbox', { name: 'Webhook URL for call records' }).fill(url);
  await section.getByRole('button', { name: 'Save after-call settings' }).click();
  await until(async () => (await section.getByRole('status').first().textContent()) === 'After-call settings saved', 10_000, 'settings saved');
  await page.close();
}

/** One echo-test call hung up from the popup: the click's time (browser clock) and the call id. */
async function callAndHangUp(agent: Agent, popup: Page): Promise<{ callId: string; hungUpAt: number }> {
  await popup.getByRole('textbox', { name: 'Number to call' }).fill('*43');
  await popup.getByRole('button', { name: 'Call' }).click();
  const { calls } = await agent.waitForSnapshot((s) => s.calls[0]?.state === 'active', 'echo answered');
  await sleep(300);
  const clicked = popup.evaluate(
    () => new Promise<number>((resolve) => document.addEventListener('click', () => resolve(Date.now()), { capture: true, once: true })),
  );
  await popup.getByRole('button', { name: 'Hang up' }).click();
  const hungUpAt = await clicked;
  await agent.waitForSnapshot((s) => s.calls.length === 0, 'echo over');
  return { callId: calls[0]!.id, hungUpAt };
}

/** Puts `count` records in the outbox's IndexedDB as a long outage would have left them, not due yet. */
async function fillOutbox(agent: Agent, count: number, run: number): Promise<void> {
  await (await agent.serviceWorker()).evaluate(
    async ({ count, run }) => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const req = indexedDB.open('voip-widget-aftercall', 1);
        req.onsuccess = () => resolve(req.result);
        req.onerror = () => reject(req.error);
      });
      const tx = db.transaction(['outbox', 'records'], 'readwrite');
      const now = Date.now();
      for (let i = 0; i < count; i++) {
        const callId = `bench-${run}-${i}`;
        const record = {
          event: 'call.ended',
          callId,
          version: 1,
          idempotencyKey: `${callId}:1`,
          direction: 'incoming',
          otherParty: { number: '+3225550000', name: 'Customer', contactName: null },
          callerId: null,
          queue: 'Support',
          startedAt: new Date(now - 60_000).toISOString(),
          answeredAt: new Date(now - 55_000).toISOString(),
          endedAt: new Date(now).toISOString(),
          durationSeconds: 55,
          endReason: 'remote_hangup',
          notes: 'Wants a quote for 20 seats',
          disposition: 'Sale',
          agent: '101@pbx.test',
        };
        tx.objectStore('records').put(record);
        tx.objectStore('outbox').put({
          key: record.idempotencyKey,
          callId,
          version: 1,
          record,
          status: 'pending',
          attempts: 3,
          createdAt: now + i,
          nextAttemptAt: now + 3_600_000,
          problem: { kind: 'network' },
        });
      }
      await new Promise((resolve, reject) => {
        tx.oncomplete = resolve;
        tx.onerror = () => reject(tx.error);
      });
      db.close();
    },
    { count, run },
  );
}

/** The floor: the same records POSTed one after the other by plain fetch from the service worker. */
async function plainFetches(agent: Agent, url: string, count: number, run: number): Promise<number> {
  return (await agent.serviceWorker()).evaluate(
    async ({ url, count, run }) => {
      const started = performance.now();
      for (let i = 0; i < count; i++) {
        const key = `plain-${run}-${i}:1`;
        const response = await fetch(url, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', 'Idempotency-Key': key },
          body: JSON.stringify({ callId: `plain-${run}-${i}`, idempotencyKey: key, notes: 'Wants a quote for 20 seats' }),
        });
        await response.body?.cancel();
      }
      return performance.now() - started;
    },
    { url, count, run },
  );
}

/**
 * After the call: the time from the Hang up click to the CRM's receiver getting the record, and
 * the outbox draining 1,000 waiting records once the receiver comes back, against 1,000 plain
 * sequential fetches from the same service worker.
 */
export async function runAfterCallBench(options: AfterCallBenchOptions = {}): Promise<BenchFigure[]> {
  const { repetitions = 10, drainRepetitions = 3, records = 1000, log = () => undefined } = options;
  const pbx = await TestPbx.start({ echoCodes: ['*43'] });
  const receiver = await WebhookReceiver.start();
  const extension = extensionWithLoopbackGranted();
  const agent = await Agent.launch({ extensionDir: extension.dir });
  try {
    await agent.configure({ username: '101', password: 'alice-secret', domain: pbx.domain, websocketUrl: pbx.wsUrl });
    await agent.waitUntilRegistered();
    await saveWebhook(agent, receiver.url);
    const popup = await agent.openPopup();
    const hangUpToAccepted: number[] = [];
    for (let i = 0; i < repetitions; i++) {
      const { callId, hungUpAt } = await callAndHangUp(agent, popup);
      await until(() => receiver.recordsOf(callId).length === 1, 15_000, 'record accepted');
      const accepted = receiver.requests.find((r) => r.body.callId === callId && r.answered === 200)!;
      hangUpToAccepted.push(accepted.at - hungUpAt);
      log(`hang-up to record accepted: ${accepted.at - hungUpAt} ms`);
    }
    await popup.close();

    const drain: number[] = [];
    const floor: number[] = [];
    const options = await agent.openOptions();
    for (let run = 0; run < drainRepetitions; run++) {
      await receiver.down();
      await fillOutbox(agent, records, run);
      await receiver.up();
      const before = receiver.stored.size;
      const started = Date.now();
      await options.evaluate(() => chrome.runtime.sendMessage({ to: 'background', type: 'retryOutbox', payload: {} }));
      await until(() => receiver.stored.size - before === records, 120_000, 'outbox drained');
      const ms = receiver.requests[receiver.requests.length - 1]!.at - started;
      drain.push(ms);
      const plain = await plainFetches(agent, receiver.url, records, run);
      floor.push(plain);
      log(`outbox drained ${records} records in ${ms} ms; ${records} plain fetches in ${Math.round(plain)} ms`);
    }
    return [
      figure('after the call: Hang up click to the record accepted by the webhook', 'ms', hangUpToAccepted, null),
      figure(`after the call: outbox draining ${records.toLocaleString('en')} waiting records once the receiver is back`, 'ms', drain, floor),
    ];
  } finally {
    await agent.close();
    extension.remove();
    await receiver.down();
    await pbx.stop();
  }
}
