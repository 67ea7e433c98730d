import { readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { parseCsv } from '../../src/aftercall/csv';
import type { PbxQueue } from '../pbx/pbx';
import type { Agent } from './harness/browser';
import { badgeText, dial, usePbx } from './harness/phone';
import { WebhookReceiver } from './harness/receiver';
import { extensionWithLoopbackGranted } from './harness/testSite';

const support: PbxQueue = { name: 'Support', extension: '500', loginCode: '*51', logoutCode: '*52' };
const env = usePbx({ queues: [support], echoCodes: ['*43'] });
let receiver: WebhookReceiver;
let extension: { dir: string; remove(): void };

beforeAll(async () => {
  receiver = await WebhookReceiver.start();
  // Access to 127.0.0.1 granted, as if the agent had accepted the browser's prompt for the webhook.
  extension = extensionWithLoopbackGranted();
});
afterAll(async () => {
  await receiver?.down();
  extension?.remove();
});

interface AfterCallForm {
  dispositions?: string;
  wrapUpSeconds?: string;
  required?: boolean;
  webhook?: string;
}

/** Fills Settings → After the call as an administrator would, and saves. */
async function setUpAfterCall(agent: Agent, form: AfterCallForm): Promise<Page> {
  const page = await agent.openOptions();
  const section = page.getByRole('region', { name: 'After the call' });
  if (form.dispositions !== undefined) await section.getByRole('textbox', { name: /^Dispositions/ }).fill(form.dispositions);
  if (form.wrapUpSeconds !== undefined) await section.getByRole('spinbutton', { name: /Wrap-up time/ }).fill(form.wrapUpSeconds);
  if (form.required !== undefined) await section.getByRole('checkbox', { name: /needs a disposition/ }).setChecked(form.required);
  if (form.webhook !== undefined) await section.getByRole('textbox', { name: 'Webhook URL for call records' }).fill(form.webhook);
  await section.getByRole('button', { name: 'Save after-call settings' }).click();
  return page;
}

async function saved(page: Page): Promise<void> {
  await expect.poll(() => page.getByRole('region', { name: 'After the call' }).getByRole('status').first().textContent()).toBe('After-call settings saved');
}

const notesBox = (popup: Page, party: string) => popup.getByRole('textbox', { name: `Notes for the call with ${party}` });
const outboxLine = (page: Page) => page.getByRole('status', { name: 'Call records for the CRM' });

/** Bob's last call, placed after `since`, ended busy. */
async function hearsBusy(bob: Agent, since = 0): Promise<void> {
  await bob.waitForSnapshot((s) => s.calls.length === 0 && s.lastEndedCall?.end?.code === 'busy' && s.lastEndedCall.startedAt >= since, 'bob hears busy');
}

async function talkToEcho(agent: Agent, popup: Page): Promise<string> {
  await dial(popup, '*43');
  const { calls } = await agent.waitForSnapshot((s) => s.calls[0]?.state === 'active', 'echo test answered');
  await popup.getByRole('button', { name: 'Hang up' }).click();
  await agent.waitForSnapshot((s) => s.calls.length === 0, 'echo test over');
  return calls[0]!.id;
}

describe('after the call', () => {
  test('notes typed during a call survive closing the popup and a browser restart, a disposition tags the call, the CRM gets the record and its update, and the CSV matches Recent', async () => {
    const alice = await env.desks.registered('101', {}, { extensionDir: extension.dir });
    const bob = await env.desks.registered('102');

    const settings = await setUpAfterCall(alice, { webhook: 'http://crm.example.com/hooks' });
    await expect
      .poll(() => settings.getByRole('alert').textContent())
      .toBe('The webhook URL must use https: call records carry what callers said and what you wrote (http only for this computer: localhost, 127.0.0.1)');
    await expect((await alice.serviceWorker()).evaluate(() => chrome.storage.local.get('afterCallSettings'))).resolves.toEqual({});
    await settings.close();
    await saved(await setUpAfterCall(alice, { dispositions: 'Sale\nCall back\n\nComplaint', webhook: receiver.url }));

    let popup = await alice.openPopup();
    const bobPopup = await bob.openPopup();
    await dial(popup, '102');
    await bobPopup.getByRole('region', { name: 'Incoming call' }).getByRole('button', { name: 'Answer' }).click();
    const { calls } = await alice.waitForSnapshot((s) => s.calls[0]?.state === 'active', 'alice talks to bob');
    const callId = calls[0]!.id;
    await notesBox(popup, '102').pressSequentially('Wants a quo');
    await popup.close();
    popup = await alice.openPopup();
    await expect.poll(() => notesBox(popup, '102').inputValue()).toBe('Wants a quo');
    await notesBox(popup, '102').pressSequentially('te for 20 seats');
    await popup.getByRole('group', { name: 'Disposition' }).getByRole('button', { name: 'Sale' }).click();
    await expect.poll(() => popup.getByRole('button', { name: 'Sale' }).getAttribute('aria-pressed')).toBe('true');
    await bobPopup.getByRole('button', { name: 'Hang up' }).click();
    const ended = (await alice.waitForSnapshot((s) => s.calls.length === 0, 'call over')).lastEndedCall!;

    await expect.poll(() => receiver.recordsOf(callId).length, { timeout: 15_000 }).toBe(1);
    const [record] = receiver.recordsOf(callId);
    expect(record).toEqual({
      event: 'call.ended',
      callId,
      version: 1,
      idempotencyKey: `${callId}:1`,
      direction: 'outgoing',
      otherParty: { number: '102', name: null, contactName: null },
      callerId: null,
      queue: null,
      startedAt: new Date(ended.startedAt).toISOString(),
      answeredAt: new Date(ended.answeredAt!).toISOString(),
      endedAt: new Date(ended.endedAt!).toISOString(),
      durationSeconds: Math.round((ended.endedAt! - ended.answeredAt!) / 1000),
      endReason: 'remote_hangup',
      notes: 'Wants a quote for 20 seats',
      disposition: 'Sale',
      agent: `101@${env.pbx.domain}`,
    });
    expect(receiver.requests.find((r) => r.body.callId === callId)?.key).toBe(`${callId}:1`);

    await alice.restart();
    await alice.waitUntilRegistered();
    popup = await alice.openPopup();
    await popup.getByRole('tab', { name: /Recent/ }).click();
    const list = popup.getByRole('list', { name: 'Recent calls' });
    await expect.poll(() => list.getByRole('listitem').first().textContent()).toContain('Sale');
    expect(await list.getByRole('listitem').first().textContent()).toContain('Wants a quote for 20 seats');
    await list.getByRole('button', { name: 'Notes for the call with 102' }).first().click();
    await expect.poll(() => notesBox(popup, '102').inputValue()).toBe('Wants a quote for 20 seats');
    await notesBox(popup, '102').pressSequentially(', quote sent');
    await list.getByRole('button', { name: 'Call back' }).click();

    // The later note and disposition reach the CRM as one update of the same call, once typing stops.
    await expect.poll(() => receiver.recordsOf(callId).length, { timeout: 20_000 }).toBe(2);
    expect(receiver.recordsOf(callId)[1]).toMatchObject({
      event: 'call.updated',
      callId,
      version: 2,
      idempotencyKey: `${callId}:2`,
      notes: 'Wants a quote for 20 seats, quote sent',
      disposition: 'Call back',
      startedAt: record!.startedAt,
    });

    await expect.poll(() => popup.getByRole('status', { name: 'Today' }).textContent()).toMatch(/^Today · calls: 1 · talk time: 00:\d\d · missed: 0$/);
    const download = popup.waitForEvent('download');
    await popup.getByRole('button', { name: 'Export CSV' }).click();
    const rows = parseCsv(readFileSync((await (await download).path())!, 'utf8'));
    expect(rows[0]).toEqual(['Date', 'Direction', 'Number', 'Name', 'Duration (s)', 'Caller ID', 'Outcome', 'Disposition', 'Notes']);
    expect(rows.slice(1)).toEqual([
      [
        new Date(ended.startedAt).toISOString(),
        'Outgoing',
        '102',
        '',
        String(record!.durationSeconds),
        '',
        'The other party hung up',
        'Call back',
        'Wants a quote for 20 seats, quote sent',
      ],
    ]);
    expect(await list.getByRole('listitem').count()).toBe(rows.length - 1);
  });

  test('each call reaches the CRM once through a receiver outage, a browser restart, 500, 429, a slow answer and a crash mid-delivery; a refused record is shown and not sent again', async () => {
    const alice = await env.desks.registered('101', {}, { extensionDir: extension.dir });
    await saved(await setUpAfterCall(alice, { webhook: receiver.url }));
    await receiver.down();
    receiver.script.length = 0;
    const earlier = receiver.requests.length;
    const requests = () => receiver.requests.slice(earlier);
    const popup = await alice.openPopup();
    const first = await talkToEcho(alice, popup);
    const second = await talkToEcho(alice, popup);
    await expect.poll(() => outboxLine(popup).textContent(), { timeout: 15_000 }).toMatch(/^2 calls waiting to be sent: the receiver cannot be reached/);
    const options = await alice.openOptions();
    await expect.poll(() => outboxLine(options).textContent()).toMatch(/^2 calls waiting to be sent: the receiver cannot be reached/);

    await alice.restart();
    receiver.script.push(
      { kind: 'status', status: 500 },
      { kind: 'status', status: 429, retryAfter: '1' },
      { kind: 'crash' },
      { kind: 'slow', delayMs: 30_000 },
    );
    await receiver.up();
    await alice.waitUntilRegistered();
    const after = await alice.openPopup();
    await expect.poll(() => [first, second].every((id) => receiver.recordsOf(id).length === 1), { timeout: 60_000, interval: 500 }).toBe(true);
    await expect.poll(() => outboxLine(after).count(), { timeout: 60_000 }).toBe(0);
    for (const callId of [first, second]) {
      const records = receiver.recordsOf(callId);
      expect(records.map((r) => r.idempotencyKey)).toEqual([`${callId}:1`]);
      expect(records[0]).toMatchObject({ direction: 'outgoing', otherParty: { number: '*43' }, endReason: 'local_hangup', agent: `101@${env.pbx.domain}` });
    }
    const answered = requests()
      .filter((r) => r.answered === 200)
      .map((r) => r.key);
    console.log(
      'deliveries:',
      requests().map((r) => `${r.key?.slice(-8)} ${r.answered}`),
    );
    // Sent again after each failure, always under its own key; the receiver kept one copy of each.
    expect(new Set(requests().map((r) => r.key))).toEqual(new Set([`${first}:1`, `${second}:1`]));
    expect(answered.length).toBeGreaterThanOrEqual(2);
    // The record whose delivery was cut after the receiver stored it went again, and was kept once.
    const dropped = requests().find((r) => r.answered === 'dropped')!;
    expect(requests().filter((r) => r.key === dropped.key && r.answered === 200).length).toBeGreaterThanOrEqual(1);
    // The one the receiver sat on for 30 s was given up after 15 s and sent again.
    const slow = requests().findIndex((r) => r.answered === 'waiting' || r.answered === 'late');
    expect(slow).toBeGreaterThan(-1);
    expect(
      requests()
        .slice(slow + 1)
        .some((r) => r.key === requests()[slow]!.key && r.answered === 200),
    ).toBe(true);

    receiver.script.push({ kind: 'status', status: 422 });
    const refused = await talkToEcho(alice, after);
    await expect.poll(() => outboxLine(after).textContent(), { timeout: 15_000 }).toBe('1 refused by the receiver, not sent again');
    await new Promise((resolve) => setTimeout(resolve, 5000));
    expect(requests().filter((r) => r.key === `${refused}:1`)).toHaveLength(1);
    expect(receiver.recordsOf(refused)).toEqual([]);
  });

  test('a full disk is shown and loses nothing: the record waits in memory, then reaches the CRM once storage works again', async () => {
    const alice = await env.desks.registered('101', {}, { extensionDir: extension.dir });
    await saved(await setUpAfterCall(alice, { webhook: receiver.url }));
    await receiver.down();
    receiver.script.length = 0;
    const worker = await alice.serviceWorker();
    // IndexedDB refuses every write the way a full disk or an exhausted quota does.
    await worker.evaluate(() => {
      const scope = self as unknown as { realPut?: typeof IDBObjectStore.prototype.put };
      scope.realPut = IDBObjectStore.prototype.put;
      IDBObjectStore.prototype.put = () => {
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      };
    });
    const popup = await alice.openPopup();
    const callId = await talkToEcho(alice, popup);
    await expect
      .poll(() => outboxLine(popup).textContent(), { timeout: 15_000 })
      .toContain('Storage is full: new call records are kept in memory until space frees up');
    expect(await outboxLine(popup).textContent()).toMatch(/^1 call waiting to be sent: the receiver cannot be reached/);

    await worker.evaluate(() => {
      const scope = self as unknown as { realPut: typeof IDBObjectStore.prototype.put };
      IDBObjectStore.prototype.put = scope.realPut;
    });
    await receiver.up();
    await popup.getByRole('button', { name: 'Send now' }).click();
    await expect.poll(() => receiver.recordsOf(callId).length, { timeout: 20_000 }).toBe(1);
    await expect.poll(() => outboxLine(popup).count(), { timeout: 15_000 }).toBe(0);
    expect(receiver.recordsOf(callId)[0]).toMatchObject({ callId, version: 1, otherParty: { number: '*43' } });
  });

  test('a note that storage refuses (quota) says so under the box, keeps what was typed on screen, and what was stored stays', async () => {
    const alice = await env.desks.launch();
    const worker = await alice.serviceWorker();
    await worker.evaluate(() =>
      chrome.storage.local.set({
        recentCalls: [
          {
            id: 'c1',
            direction: 'incoming',
            number: '+3225550000',
            name: 'Customer',
            startedAt: Date.now() - 60_000,
            durationMs: 30_000,
            callerId: null,
            outcome: 'remote_hangup',
            outcomeCause: null,
            quality: null,
          },
        ],
      }),
    );
    const popup = await alice.openPopup();
    await popup.getByRole('tab', { name: /Recent/ }).click();
    await popup.getByRole('button', { name: 'Notes for the call with Customer' }).click();
    const box = notesBox(popup, 'Customer');
    await box.pressSequentially('Called about');
    const storedNotes = () =>
      worker.evaluate(async () => ((await chrome.storage.local.get('callNotes')).callNotes as Record<string, { notes: string }> | undefined)?.c1?.notes);
    await expect.poll(storedNotes).toBe('Called about');
    await worker.evaluate(() => {
      chrome.storage.local.set = () => Promise.reject(new Error('QUOTA_BYTES quota exceeded'));
    });
    await box.pressSequentially(' the invoice');
    await expect
      .poll(() => popup.getByRole('alert').first().textContent())
      .toBe('Notes could not be saved: storage is full. Keep this window open and free some disk space.');
    expect(await box.inputValue()).toBe('Called about the invoice');
    expect(await storedNotes()).toBe('Called about');
  });

  test('the settings file brings dispositions, wrap-up and the webhook: a bad one is refused with the reason, a good one previewed, applied, and exported again', async () => {
    const alice = await env.desks.registered('101', {}, { extensionDir: extension.dir });
    const options = await alice.openOptions();
    const files = options.getByRole('region', { name: 'Settings file' });
    const afterCall = { dispositions: ['Sale', 'Call back'], dispositionRequired: true, wrapUpSeconds: 15, wrapUpAfter: 'all', webhookUrl: receiver.url };
    const broken = join(tmpdir(), `voip-aftercall-broken-${Date.now()}.json`);
    writeFileSync(broken, JSON.stringify({ version: 1, afterCall: { ...afterCall, webhookUrl: 'http://crm.example.com/hook' } }));
    await files.getByLabel('Import settings file').setInputFiles(broken);
    await expect.poll(() => files.getByRole('alert').textContent()).toContain('After the call: The webhook URL must use https');
    const storedSettings = () =>
      alice.serviceWorker().then((w) => w.evaluate(async () => (await chrome.storage.local.get('afterCallSettings')).afterCallSettings));
    expect(await storedSettings()).toBeUndefined();

    const good = join(tmpdir(), `voip-aftercall-${Date.now()}.json`);
    writeFileSync(good, JSON.stringify({ version: 1, afterCall }));
    await files.getByLabel('Import settings file').setInputFiles(good);
    const preview = files.getByRole('region', { name: 'Import preview' });
    await expect.poll(() => preview.textContent()).toContain('Sale, Call back');
    await preview.getByRole('button', { name: 'Apply' }).click();
    await expect.poll(() => files.getByRole('status').textContent()).toContain('Imported: afterCall');
    expect(await storedSettings()).toEqual(afterCall);
    const section = options.getByRole('region', { name: 'After the call' });
    await expect.poll(() => section.getByRole('textbox', { name: /^Dispositions/ }).inputValue()).toBe('Sale\nCall back');

    const download = options.waitForEvent('download');
    await files.getByRole('button', { name: 'Export settings' }).click();
    const exported = JSON.parse(readFileSync((await (await download).path())!, 'utf8'));
    expect(exported.afterCall).toEqual(afterCall);
  });

  test('wrap-up keeps queue calls away (busy) across closing the popup and a browser restart, until Ready now; Not ready by hand too', async () => {
    const alice = await env.desks.registered('101');
    const bob = await env.desks.registered('102');
    await saved(await setUpAfterCall(alice, { wrapUpSeconds: '120' }));
    const options = await alice.openOptions();
    const queueSettings = { queues: [{ ...support, agent: 'dynamic', callerNamePrefix: '' }], reminder: { enabled: false, time: '18:00' } };
    expect(
      await options.evaluate((s) => chrome.runtime.sendMessage({ to: 'background', type: 'saveQueueSettings', payload: { settings: s } }), queueSettings),
    ).toEqual({
      ok: true,
    });
    let popup = await alice.openPopup();
    await popup.getByRole('tab', { name: 'Queues' }).click();
    await popup.getByRole('button', { name: 'Log in to Support' }).click();
    await expect.poll(() => popup.getByRole('status', { name: 'Queue result' }).textContent(), { timeout: 20_000 }).toBe('Logged into Support');

    const bobPopup = await bob.openPopup();
    await dial(bobPopup, '500');
    await popup.getByRole('region', { name: 'Incoming call' }).getByRole('button', { name: 'Answer' }).click();
    await alice.waitForSnapshot((s) => s.calls[0]?.state === 'active', 'queue call answered');
    await bobPopup.getByRole('button', { name: 'Hang up' }).click();
    const first = (await alice.waitForSnapshot((s) => s.calls.length === 0, 'queue call over')).lastEndedCall!;

    const status = () => popup.getByRole('timer', { name: 'Agent status' }).textContent();
    await expect.poll(status).toMatch(/^Wrap-up · 0[12]:\d\d left$/);
    await expect.poll(() => badgeText(alice)).toMatch(/^\d{2,3}s$/);
    await popup.close();

    await dial(bobPopup, '500');
    await hearsBusy(bob);
    expect((await alice.snapshot()).lastEndedCall?.id).toBe(first.id);

    await alice.restart();
    await alice.waitUntilRegistered();
    popup = await alice.openPopup();
    await expect.poll(status).toMatch(/^Wrap-up · 0[01]:\d\d left$/);
    const since = Date.now();
    const queueRings = (): number =>
      env.pbx
        .log()
        .split('\n')
        .filter((l) => l.includes('QUEUE CALL 500 RINGS')).length;
    const rungBefore = queueRings();
    await dial(bobPopup, '500');
    await expect.poll(queueRings).toBe(rungBefore + 1);
    await hearsBusy(bob, since);
    expect((await alice.snapshot()).lastEndedCall?.id).toBe(undefined);
    expect(Date.now() - since).toBeLessThan(15_000);

    await popup.getByRole('button', { name: 'Ready now' }).click();
    await expect.poll(status).toBe('Ready');
    await expect.poll(() => badgeText(alice)).toBe('');
    await dial(bobPopup, '500');
    const incoming = popup.getByRole('region', { name: 'Incoming call' });
    await expect.poll(() => incoming.textContent()).toContain('Queue: Support');
    await bobPopup.getByRole('button', { name: 'Hang up' }).click();
    await alice.waitForSnapshot((s) => s.calls.length === 0, 'missed queue call over');
    // A queue call the agent never answered left no work: no wrap-up.
    await expect.poll(status).toBe('Ready');

    await popup.getByRole('button', { name: 'Not ready' }).click();
    await expect.poll(status).toBe('Not ready: new calls hear busy');
    await expect.poll(() => badgeText(alice)).toBe('AWAY');
    const direct = Date.now();
    await dial(bobPopup, '101');
    await hearsBusy(bob, direct);
    await popup.getByRole('button', { name: 'Ready' }).click();
    await expect.poll(status).toBe('Ready');

    // Do not disturb until a time of day: an hour from now.
    const inAnHour = new Date(Date.now() + 3_600_000);
    const hhmm = `${String(inAnHour.getHours()).padStart(2, '0')}:${String(inAnHour.getMinutes()).padStart(2, '0')}`;
    await popup.getByText('Do not disturb until…').click();
    await popup.getByLabel('Do not disturb until').fill(hhmm);
    await popup.getByRole('button', { name: 'Turn on until then' }).click();
    await expect.poll(status).toMatch(/^Do not disturb until \d\d:\d\d( [AP]M)?$/);
    await expect.poll(() => badgeText(alice)).toBe('DND');
    const during = Date.now();
    await dial(bobPopup, '101');
    await hearsBusy(bob, during);
    await popup.getByRole('button', { name: 'Ready' }).click();
    await expect.poll(status).toBe('Ready');
    // The badge is back to the softphone's own: the missed queue call's count.
    await expect.poll(() => badgeText(alice)).toBe('1');
  });

  test('with the disposition rule, a queue call keeps the agent in wrap-up until it is tagged; Ready now says why', async () => {
    const alice = await env.desks.registered('101');
    const bob = await env.desks.registered('102');
    await saved(await setUpAfterCall(alice, { dispositions: 'Sale\nComplaint', wrapUpSeconds: '0', required: true }));
    const options = await alice.openOptions();
    const queueSettings = { queues: [{ ...support, agent: 'dynamic', callerNamePrefix: '' }], reminder: { enabled: false, time: '18:00' } };
    await options.evaluate((s) => chrome.runtime.sendMessage({ to: 'background', type: 'saveQueueSettings', payload: { settings: s } }), queueSettings);
    const popup = await alice.openPopup();
    await popup.getByRole('tab', { name: 'Queues' }).click();
    await popup.getByRole('button', { name: 'Log in to Support' }).click();
    await expect.poll(() => popup.getByRole('status', { name: 'Queue result' }).textContent(), { timeout: 20_000 }).toBe('Logged into Support');

    const bobPopup = await bob.openPopup();
    await dial(bobPopup, '500');
    await popup.getByRole('region', { name: 'Incoming call' }).getByRole('button', { name: 'Answer' }).click();
    await alice.waitForSnapshot((s) => s.calls[0]?.state === 'active', 'queue call answered');
    await bobPopup.getByRole('button', { name: 'Hang up' }).click();
    await alice.waitForSnapshot((s) => s.calls.length === 0, 'queue call over');

    const status = () => popup.getByRole('timer', { name: 'Agent status' }).textContent();
    await expect.poll(status).toBe('Wrap-up · choose a disposition to be ready again');
    await popup.getByRole('button', { name: 'Ready now' }).click();
    await expect
      .poll(() => popup.getByRole('region', { name: 'Agent status' }).getByRole('alert').textContent())
      .toBe('Choose a disposition for the queue call first');
    const before = Date.now();
    await dial(bobPopup, '500');
    await hearsBusy(bob, before);

    await popup.getByRole('region', { name: 'Agent status' }).getByRole('button', { name: 'Complaint' }).click();
    await expect.poll(status).toBe('Ready');
    await dial(bobPopup, '500');
    await expect.poll(() => popup.getByRole('region', { name: 'Incoming call' }).textContent()).toContain('Queue: Support');
  });
});
