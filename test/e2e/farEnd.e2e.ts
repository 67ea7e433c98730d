import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { callFromTrunk, ghostReplacesFromTrunk, referringCallFromTrunk } from '../pbx/trunk';
import type { Agent } from './harness/browser';
import { keepNotifications } from './harness/notifications';
import { connect, dial, usePbx } from './harness/phone';

const env = usePbx();

const controls = (popup: Page) => popup.getByRole('group', { name: 'Call controls' });
const callStatus = (popup: Page) => popup.getByRole('timer', { name: 'Call status' }).textContent();
const transferRequest = (popup: Page) => popup.getByRole('alertdialog', { name: 'Transfer request' });

/** Calls the PBX saw placed to `user` since `since` (each INVITE counted once, its authenticated retry aside). */
function callsTo(user: string, since: number): number {
  const ids = env.pbx
    .requests(since)
    .filter((r) => r.method === 'INVITE' && r.ruri.startsWith(`sip:${user}@`))
    .map((r) => /ci=(\S+)/.exec(r.text)?.[1]);
  return new Set(ids).size;
}

/** Bob calls alice, alice answers, and bob asks (blind transfer) that alice call `target`. */
async function bobSendsAliceTo(target: string) {
  const alice = await env.desks.registered('101');
  const bob = await env.desks.registered('102');
  const [alicePopup, bobPopup] = await Promise.all([alice.openPopup(), bob.openPopup()]);
  await connect(bob, bobPopup, alice, alicePopup, '101');
  await controls(bobPopup).getByRole('button', { name: 'Transfer' }).click();
  await bobPopup.getByRole('textbox', { name: 'Transfer to' }).fill(target);
  const since = Date.now();
  await bobPopup.getByRole('button', { name: 'Transfer now' }).click();
  return { alice, bob, alicePopup, bobPopup, since };
}

describe('a far end asks the agent to call someone else (REFER)', () => {
  test('nothing is dialled until the agent accepts; the transferor leaves only when the new call is answered', async () => {
    const { alice, bob, alicePopup, bobPopup, since } = await bobSendsAliceTo('103');
    const carol = await env.desks.registered('103');
    const carolPopup = await carol.openPopup();
    await expect.poll(() => transferRequest(alicePopup).textContent()).toContain('102 asks to transfer you to 103');
    await new Promise((r) => setTimeout(r, 1500));
    expect(callsTo('103', since)).toBe(0);
    // Bob is still on the call, waiting to hear how it went.
    expect((await bob.snapshot()).calls[0]?.transferringTo).toBe('103');
    await expect.poll(() => callStatus(bobPopup)).toBe('Transferring to 103…');

    await transferRequest(alicePopup).getByRole('button', { name: 'Accept transfer' }).click();
    const incoming = carolPopup.getByRole('region', { name: 'Incoming call' });
    await expect.poll(() => incoming.textContent(), { timeout: 10_000 }).toContain('101');
    // Carol's phone rings: the transfer is not done yet, so bob has not been cut off.
    await new Promise((r) => setTimeout(r, 1000));
    expect((await bob.snapshot()).calls).toHaveLength(1);

    await incoming.getByRole('button', { name: 'Answer' }).click();
    await bob.waitForSnapshot((s) => s.calls.length === 0, 'bob out of the call once carol answered');
    await alice.waitForSnapshot((s) => s.calls.some((c) => c.remoteNumber === '103' && c.state === 'active'), 'alice talking to carol');
  });

  test("the notification asks too, and its Accept button is the agent's answer", async () => {
    const { alice, alicePopup } = await bobSendsAliceTo('103');
    const carol = await env.desks.registered('103');
    await alicePopup.close();
    const asked = await alice.waitForSnapshot((s) => s.transferRequests.length === 1, 'the transfer request');
    const id = `transfer-request:${asked.transferRequests[0]!.id}`;
    const sw = await alice.serviceWorker();
    await expect.poll(() => sw.evaluate(() => chrome.notifications.getAll())).toHaveProperty([id]);
    // Headless Chromium shows no notification to click: fire the real event the OS click would fire.
    await sw.evaluate(
      (notificationId) => (chrome.notifications.onButtonClicked as unknown as { dispatch(id: string, index: number): void }).dispatch(notificationId, 0),
      id,
    );
    await carol.waitForSnapshot((s) => s.calls[0]?.state === 'incoming' && s.calls[0].remoteNumber === '101', 'carol rung by alice');
    await expect.poll(() => sw.evaluate(() => chrome.notifications.getAll())).not.toHaveProperty([id]);
  });

  test('the agent refuses: the transferor is told, and the call goes on', async () => {
    const { alice, bob, alicePopup, bobPopup } = await bobSendsAliceTo('103');
    await transferRequest(alicePopup).getByRole('button', { name: 'Refuse transfer' }).click();
    await expect.poll(() => bobPopup.getByRole('alert').first().textContent()).toContain('The transfer to 103 did not go through: 603 Decline');
    await expect.poll(() => transferRequest(alicePopup).count()).toBe(0);
    expect((await bob.snapshot()).calls[0]).toMatchObject({ state: 'active', transferringTo: null });
    expect((await alice.snapshot()).calls).toHaveLength(1);
  });

  test('the request shows the real number of who asks, the name they sent apart, and the target grouped for reading', async () => {
    const alice = await env.desks.registered('101');
    const bob = await env.desks.registered('102', { displayName: 'Police · +32 2 555 01 99' });
    const [alicePopup, bobPopup] = await Promise.all([alice.openPopup(), bob.openPopup()]);
    await connect(bob, bobPopup, alice, alicePopup, '101');
    const shown = await keepNotifications(await alice.serviceWorker());
    await controls(bobPopup).getByRole('button', { name: 'Transfer' }).click();
    await bobPopup.getByRole('textbox', { name: 'Transfer to' }).fill('+3225550103');
    await bobPopup.getByRole('button', { name: 'Transfer now' }).click();
    const request = transferRequest(alicePopup);
    await expect
      .poll(() => request.getByRole('paragraph').allTextContents())
      .toEqual(['102 asks to transfer you to +32 2 555 01 03', 'Name sent by the other party: Police · +32 2 555 01 99']);
    const created = async () => (await shown()).filter((n) => n.title === 'Transfer request');
    await expect.poll(async () => (await created()).length).toBe(1);
    expect((await created())[0]).toMatchObject({
      message: '102 asks to transfer you to +32 2 555 01 03',
      contextMessage: 'Name sent by the other party: Police · +32 2 555 01 99',
    });
    await request.getByRole('button', { name: 'Refuse transfer' }).click();
    await expect.poll(() => request.count()).toBe(0);
  });

  test('a request the agent does not answer is refused after 20 s', async () => {
    const { alice, bob, alicePopup, since } = await bobSendsAliceTo('103');
    await expect.poll(() => transferRequest(alicePopup).count()).toBe(1);
    await expect.poll(() => transferRequest(alicePopup).count(), { timeout: 25_000 }).toBe(0);
    await bob.waitForSnapshot((s) => s.lastError?.code === 'transfer_failed' && s.calls[0]?.state === 'active', 'bob told, still in the call');
    expect(callsTo('103', since)).toBe(0);
    expect((await alice.snapshot()).calls).toHaveLength(1);
  });

  test('the target of an accepted transfer does not exist: the call stays with the transferor, who is told why', async () => {
    const { alice, bob, alicePopup, bobPopup } = await bobSendsAliceTo('199');
    await transferRequest(alicePopup).getByRole('button', { name: 'Accept transfer' }).click();
    await expect.poll(() => bobPopup.getByRole('alert').first().textContent()).toContain('The transfer to 199 did not go through: 404 Not Found');
    expect((await bob.snapshot()).calls[0]).toMatchObject({ state: 'active', remoteNumber: '101' });
    await alice.waitForSnapshot((s) => s.calls.length === 1 && s.calls[0]?.remoteNumber === '102', 'alice still with bob');
  });

  test('a caller asking for another domain or a feature code is refused at once, and the agent is not even asked', async () => {
    const alice = await env.desks.registered('101');
    const popup = await alice.openPopup();
    const since = Date.now();
    const carrier = referringCallFromTrunk(env.pbx, '101', 1000);
    await popup.getByRole('region', { name: 'Incoming call' }).getByRole('button', { name: 'Answer' }).click({ timeout: 10_000 });
    let asked = false;
    while (!(await Promise.race([carrier.then(() => true), new Promise<false>((r) => setTimeout(() => r(false), 100))]))) {
      if ((await alice.snapshot()).transferRequests.length > 0) asked = true;
    }
    await carrier;
    expect(asked).toBe(false);
    const invites = env.pbx.requests(since).filter((r) => r.method === 'INVITE' && !r.ruri.startsWith('sip:101@'));
    expect(invites.map((r) => r.ruri)).toEqual([]);
    await alice.waitForSnapshot((s) => s.calls.length === 0, 'the caller hung up');
    expect((await alice.snapshot()).registration.state).toBe('registered');
  });
});

describe('a REFER the softphone could not take is refused at once, and the agent is not asked', () => {
  /** Bob's transfer of alice is refused (NOTIFY 603) within a second or two; no prompt, no INVITE to 103. */
  async function expectRefusedAtOnce(alice: Agent, alicePopup: Page, bob: Agent, bobPopup: Page, since: number) {
    let asked = false;
    const watching = (async () => {
      for (let i = 0; i < 30; i++) {
        if ((await alice.snapshot()).transferRequests.length > 0 || (await transferRequest(alicePopup).count()) > 0) asked = true;
        await new Promise((r) => setTimeout(r, 100));
      }
    })();
    await expect
      .poll(() => bobPopup.getByRole('alert').first().textContent(), { timeout: 3000 })
      .toContain('The transfer to 103 did not go through: 603 Decline');
    await watching;
    expect(asked).toBe(false);
    expect(callsTo('103', since)).toBe(0);
    expect((await bob.snapshot()).calls[0]).toMatchObject({ state: 'active', transferringTo: null });
  }

  test('under do-not-disturb', async () => {
    const alice = await env.desks.registered('101');
    const bob = await env.desks.registered('102');
    const [alicePopup, bobPopup] = await Promise.all([alice.openPopup(), bob.openPopup()]);
    await connect(bob, bobPopup, alice, alicePopup, '101');
    await alicePopup.getByRole('button', { name: 'Do not disturb' }).click();
    await alice.waitForSnapshot((s) => s.doNotDisturb, 'do not disturb on');
    await controls(bobPopup).getByRole('button', { name: 'Transfer' }).click();
    await bobPopup.getByRole('textbox', { name: 'Transfer to' }).fill('103');
    const since = Date.now();
    await bobPopup.getByRole('button', { name: 'Transfer now' }).click();
    await expectRefusedAtOnce(alice, alicePopup, bob, bobPopup, since);
    expect((await alice.snapshot()).calls).toHaveLength(1);
  });

  test('with two calls up', async () => {
    const alice = await env.desks.registered('101');
    const bob = await env.desks.registered('102');
    const [alicePopup, bobPopup] = await Promise.all([alice.openPopup(), bob.openPopup()]);
    await connect(bob, bobPopup, alice, alicePopup, '101');
    // Carol calls too and alice takes it: bob is held, two calls are up.
    const carol = await env.desks.registered('103');
    await dial(await carol.openPopup(), '101');
    await alicePopup
      .getByRole('region', { name: 'Incoming call' })
      .getByRole('button', { name: /^Answer/ })
      .click({ timeout: 10_000 });
    await alice.waitForSnapshot((s) => s.calls.length === 2 && s.calls.every((c) => c.state === 'active'), 'two calls up');
    await controls(bobPopup).getByRole('button', { name: 'Transfer' }).click();
    await bobPopup.getByRole('textbox', { name: 'Transfer to' }).fill('103');
    const since = Date.now();
    await bobPopup.getByRole('button', { name: 'Transfer now' }).click();
    await expectRefusedAtOnce(alice, alicePopup, bob, bobPopup, since);
    expect((await alice.snapshot()).calls).toHaveLength(2);
  });
});

describe('hold from both sides', () => {
  test('the other party holds: the panel says so, and our own Hold stays truthful when both hold and resume', async () => {
    const alice = await env.desks.registered('101');
    const bob = await env.desks.registered('102');
    const [alicePopup, bobPopup] = await Promise.all([alice.openPopup(), bob.openPopup()]);
    await connect(bob, bobPopup, alice, alicePopup, '101');
    const aliceHold = controls(alicePopup).getByRole('button', { name: 'Hold' });

    await controls(bobPopup).getByRole('button', { name: 'Hold' }).click();
    await expect.poll(() => callStatus(alicePopup)).toBe('On hold by the other party');
    expect(await aliceHold.getAttribute('aria-pressed')).toBe('false');

    await aliceHold.click();
    await expect.poll(() => aliceHold.getAttribute('aria-pressed')).toBe('true');
    await controls(bobPopup).getByRole('button', { name: 'Hold' }).click();
    await bob.waitForSnapshot((s) => s.calls[0]?.held === false, 'bob resumed');
    // Bob resumed, alice has not: she is still the one holding.
    await expect
      .poll(() => alice.snapshot().then((s) => s.calls[0] && { held: s.calls[0].held, heldByRemote: s.calls[0].heldByRemote }))
      .toEqual({ held: true, heldByRemote: false });
    await expect.poll(() => callStatus(alicePopup)).toBe('On hold');
    expect(await aliceHold.getAttribute('aria-pressed')).toBe('true');

    await aliceHold.click();
    await expect.poll(() => alice.snapshot().then((s) => s.calls[0]?.held)).toBe(false);
    expect((await alice.snapshot()).calls[0]?.heldByRemote).toBe(false);
  });
});

describe('races', () => {
  test('a double click on Call places one call', async () => {
    const alice = await env.desks.registered('101');
    await env.desks.registered('102');
    const popup = await alice.openPopup();
    await popup.getByRole('textbox', { name: 'Number to call' }).fill('102');
    const since = Date.now();
    await popup.getByRole('button', { name: 'Call' }).dblclick();
    await alice.waitForSnapshot((s) => s.calls.length === 1, 'one call');
    await new Promise((r) => setTimeout(r, 1500));
    expect(callsTo('102', since)).toBe(1);
    expect((await alice.snapshot()).calls).toHaveLength(1);
    expect((await alice.snapshot()).lastError).toBeNull();
  });

  test('Enter pressed twice in the number field places one call, even in a slow popup', async () => {
    const alice = await env.desks.registered('101');
    await env.desks.registered('102');
    const popup = await alice.openPopup();
    const number = popup.getByRole('textbox', { name: 'Number to call' });
    // A busy machine: the popup shows the new call only after it has taken the second Enter.
    const cdp = await alice.context.newCDPSession(popup);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 10 });
    await number.fill('102');
    const since = Date.now();
    await number.press('Enter');
    // The second press goes wherever the focus is by then, as a person's does.
    await popup.keyboard.press('Enter');
    await alice.waitForSnapshot((s) => s.calls.length === 1, 'one call');
    await new Promise((r) => setTimeout(r, 1500));
    expect(callsTo('102', since)).toBe(1);
    expect((await alice.snapshot()).calls).toHaveLength(1);
    expect((await alice.snapshot()).lastError).toBeNull();
  });

  test('the same call asked again just after it was placed (a popup that showed it late) gets that call, not an error', async () => {
    const alice = await env.desks.registered('101');
    await env.desks.registered('102');
    const popup = await alice.openPopup();
    await popup.getByRole('textbox', { name: 'Number to call' }).fill('102');
    const since = Date.now();
    await popup.getByRole('textbox', { name: 'Number to call' }).press('Enter');
    const placed = await alice.waitForSnapshot((s) => s.calls.length === 1, 'the call placed');
    const again = await alice.command<{ ok: boolean; value?: { callId: string } }>('call', { target: '102' });
    expect(again).toEqual({ ok: true, value: { callId: placed.calls[0]!.id } });
    await new Promise((r) => setTimeout(r, 1500));
    expect(callsTo('102', since)).toBe(1);
    expect((await alice.snapshot()).calls).toHaveLength(1);
    expect((await alice.snapshot()).lastError).toBeNull();
  });

  test('the caller hangs up while the microphone opens: the microphone is closed again, and no call is left', async () => {
    const alice = await env.desks.registered('101');
    const popup = await alice.openPopup();
    // The browser takes its time to open the microphone (as while it asks the agent for permission).
    await popup.evaluate(() => {
      for (const view of chrome.extension.getViews()) {
        if (!view.location.pathname.endsWith('/extension/offscreen.html')) continue;
        const devices = view.navigator.mediaDevices;
        const open = devices.getUserMedia.bind(devices);
        const opened: MediaStream[] = [];
        Object.assign(view, { openedMicrophones: opened });
        devices.getUserMedia = async (constraints) => {
          const stream = await open(constraints);
          opened.push(stream);
          await new Promise((r) => setTimeout(r, 3000));
          return stream;
        };
      }
    });
    const carrier = callFromTrunk(env.pbx, '101', 1, 1000);
    await popup
      .getByRole('region', { name: 'Incoming call' })
      .getByRole('button', { name: /^Answer/ })
      .click({ timeout: 10_000 });
    await carrier;
    await alice.waitForSnapshot((s) => s.calls.length === 0, 'the cancelled call gone');
    const liveTracks = () =>
      popup.evaluate(() => {
        const view = chrome.extension.getViews().find((v) => v.location.pathname.endsWith('/extension/offscreen.html')) as unknown as {
          openedMicrophones: MediaStream[];
        };
        return {
          opened: view.openedMicrophones.length,
          live: view.openedMicrophones.flatMap((s) => s.getTracks()).filter((t) => t.readyState === 'live').length,
        };
      });
    await new Promise((r) => setTimeout(r, 3500));
    expect(await liveTracks()).toEqual({ opened: 1, live: 0 });
    expect((await alice.snapshot()).calls).toEqual([]);
    expect(await popup.getByRole('region', { name: 'Incoming call' }).count()).toBe(0);
    expect((await alice.snapshot()).registration.state).toBe('registered');
  });

  test('an INVITE replacing a call that has ended is refused (481), and nothing rings', async () => {
    const alice = await env.desks.registered('101');
    const popup = await alice.openPopup();
    let rang = false;
    const watching = (async () => {
      for (let i = 0; i < 40 && !rang; i++) {
        if ((await alice.snapshot()).calls.length > 0) rang = true;
        await new Promise((r) => setTimeout(r, 50));
      }
    })();
    await ghostReplacesFromTrunk(env.pbx, '101');
    await watching;
    expect(rang).toBe(false);
    expect(await popup.getByRole('region', { name: 'Incoming call' }).count()).toBe(0);
    expect((await alice.snapshot()).registration.state).toBe('registered');
  });
});
