import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { callFromTrunk } from '../pbx/trunk';
import { usePbx } from './harness/phone';
import { TestCrm } from './harness/testCrm';
import { extensionWithLoopbackGranted } from './harness/testSite';

const env = usePbx();

/** A CRM on loopback: one known caller, one that answers after 5 s, one that fails, and everyone else unknown (404). */
const crm = new TestCrm((number, { port }) => {
  if (number === '+3225551111') return { status: 200, body: { name: 'Eva Lind', company: 'Contoso', url: `http://127.0.0.1:${port}/record/1` } };
  if (number === '+3225552222') return { status: 200, body: { name: 'Too Late' }, delayMs: 5000 };
  if (number === '+3225553333') return { status: 500, body: { error: 'down' } };
  return { status: 404, body: {} };
});
// The agent grants the site when saving the URL; a test browser has no prompt to click, so the build is granted loopback beforehand.
const extension = extensionWithLoopbackGranted();
beforeAll(() => crm.start());
afterAll(async () => {
  await crm.stop();
  extension.remove();
});

describe('CRM lookup URL', () => {
  test('names a carrier caller from the CRM without delaying the ringing, caches the answer, and a slow or failing CRM leaves the number', async () => {
    const alice = await env.desks.registered('101', {}, { extensionDir: extension.dir });
    await (await alice.serviceWorker()).evaluate(() => chrome.storage.local.set({ callerId: { homeCountry: 'BE' } }));
    const options = await alice.openOptions();
    const section = options.getByRole('region', { name: 'CRM lookup' });
    await section.getByRole('textbox', { name: 'Lookup URL' }).fill('http://crm.example.com/?number={e164}');
    await section.getByRole('button', { name: 'Save lookup URL' }).click();
    await expect.poll(() => section.getByRole('alert').textContent()).toBe('The lookup URL must use https://');
    await section.getByRole('textbox', { name: 'Lookup URL' }).fill(`http://127.0.0.1:${crm.port}/lookup?number={e164}`);
    await section.getByRole('button', { name: 'Save lookup URL' }).click();
    await expect.poll(() => section.getByRole('status').textContent()).toBe('Lookup URL saved');
    await options
      .getByRole('region', { name: 'Screen-pop' })
      .getByRole('combobox', { name: "Open the caller's record from the CRM" })
      .selectOption({ label: 'When the call rings' });
    await expect
      .poll(() => alice.serviceWorker().then((sw) => sw.evaluate(() => chrome.storage.local.get('screenPopSettings'))))
      .toMatchObject({ screenPopSettings: { mode: 'ring' } });
    await options.close();
    const recordUrl = `http://127.0.0.1:${crm.port}/record/1`;
    const recordsOpened = () => alice.context.pages().filter((p) => p.url() === recordUrl).length;
    const popup = await alice.openPopup();
    const ringing = popup.getByRole('region', { name: 'Incoming call' });

    // Known to the CRM: named while it rings.
    let calling = callFromTrunk(env.pbx, '101', 1, 3000, { from: '+3225551111' });
    await expect.poll(() => ringing.locator('.remote-name').textContent(), { timeout: 10_000 }).toBe('Eva Lind');
    expect(await ringing.locator('.remote-number').textContent()).toBe('Contoso · +3225551111');
    // Screen-pop on ring: the record opens once, however many snapshots the call makes.
    await expect.poll(recordsOpened).toBe(1);
    await ringing.getByRole('button', { name: 'Open record' }).click();
    await expect.poll(recordsOpened).toBe(2);
    await calling;
    expect(recordsOpened()).toBe(2);
    await alice.waitForSnapshot((s) => s.calls.length === 0, 'the first call over');

    // A CRM that takes 5 s: the call rings at once, unnamed, and the late answer is dropped.
    calling = callFromTrunk(env.pbx, '101', 1, 4000, { from: '+3225552222' });
    await alice.waitForSnapshot((s) => s.calls[0]?.state === 'incoming', 'ringing while the CRM thinks');
    const ringingAt = Date.now();
    // The lookup starts with the call, and the call rang without waiting for its time-out (1.5 s).
    expect(ringingAt - (crm.askedAt.get('+3225552222') ?? Number.NaN)).toBeLessThan(1000);
    await expect.poll(() => ringing.locator('.remote-name').textContent()).toBe('Carrier caller');
    expect(await ringing.textContent()).not.toContain('Too Late');
    await calling;
    expect((await alice.snapshot()).lastEndedCall?.contact ?? null).toBeNull();

    // A failing CRM: the number stays.
    calling = callFromTrunk(env.pbx, '101', 1, 2000, { from: '+3225553333' });
    await alice.waitForSnapshot((s) => s.calls[0]?.state === 'incoming', 'ringing with the CRM failing');
    await calling;
    expect((await alice.snapshot()).lastEndedCall?.contact ?? null).toBeNull();

    // Asked again within ten minutes: named from the cache, the CRM not asked again.
    calling = callFromTrunk(env.pbx, '101', 1, 2000, { from: '+3225551111' });
    await expect.poll(() => ringing.locator('.remote-name').textContent(), { timeout: 10_000 }).toBe('Eva Lind');
    await calling;
    await expect.poll(recordsOpened).toBe(3);
    expect(crm.asked.filter((n) => n === '+3225551111')).toHaveLength(1);
    expect(crm.asked).toContain('+3225552222');
    expect(crm.asked).toContain('+3225553333');
  });
});
