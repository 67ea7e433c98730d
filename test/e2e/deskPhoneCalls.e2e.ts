import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterEach, describe, expect, test } from 'vitest';
import type { SoftphoneDiagnostics } from '../../src/protocol/softphone';
import { DeskPhone } from '../pbx/deskPhone';
import type { Agent } from './harness/browser';
import { dial, usePbx } from './harness/phone';
import { writeSineWav } from './harness/sineWav';

// A plain desk phone (baresip: RTP/AVP, RTCP apart, no ICE, no DTLS) behind a PBX that relays its
// media through rtpengine, as PBXs bridge WebRTC softphones with desk phones.
const env = usePbx({ relayedDeskPhones: true });
const PLAIN = { rtcpMux: false, dtls: false, ice: false };
const DESK_TONE = 600;
const files = mkdtempSync(join(tmpdir(), 'voip-deskphone-calls-'));
let phone: DeskPhone | null = null;
afterEach(async () => {
  await phone?.stop();
  phone = null;
});

const controls = (popup: Page) => popup.getByRole('group', { name: 'Call controls' });

/** Whether the agent's speaker carries the desk phone's tone now (most of several readings). */
async function agentHearsDeskPhone(agent: Agent): Promise<boolean> {
  let present = 0;
  for (let i = 0; i < 6; i++) {
    const levels = (await agent.command<SoftphoneDiagnostics>('diagnostics', { frequencies: [DESK_TONE] })).output.levelsDb;
    const level = (f: number): number => levels[String(f)] ?? -200;
    if (level(DESK_TONE) > -60 && level(DESK_TONE) - Math.max(level(DESK_TONE - 20), level(DESK_TONE + 20)) > 15) present += 1;
    await new Promise((r) => setTimeout(r, 150));
  }
  return present >= 4;
}

/** The bit rate of the audio the desk phone receives, from the status line baresip prints every second or so. */
async function deskPhoneReceivingBitsPerSecond(): Promise<number> {
  await new Promise((r) => setTimeout(r, 1500));
  const status = [...phone!.log().matchAll(/audio=(\d+)\/(\d+) \(bit\/s\)/g)].at(-1);
  return Number(status?.[2] ?? 0);
}

/** Whether the desk phone decoded sound (not silence) in the last `ms`. */
async function deskPhoneHearsAgent(ms = 1500): Promise<boolean> {
  const from = phone!.heardBytes();
  await new Promise((r) => setTimeout(r, ms));
  return phone!.heardPeak(from) > 100;
}

async function callDeskPhone(): Promise<{ alice: Agent; popup: Page }> {
  phone = await DeskPhone.start(env.pbx, '103', PLAIN, DESK_TONE);
  const alice = await env.desks.registered('101', {}, { microphoneFile: writeSineWav(join(files, 'alice.wav'), 800) });
  const popup = await alice.openPopup();
  await dial(popup, '103');
  await alice.waitForSnapshot((s) => s.calls[0]?.state === 'active', 'the desk phone answered', 10_000);
  return { alice, popup };
}

describe('calls with a desk phone through the PBX media relay', () => {
  test('audio both ways; hold stops it both ways and resume brings it back', async () => {
    const { alice, popup } = await callDeskPhone();
    await expect.poll(() => agentHearsDeskPhone(alice), { timeout: 10_000 }).toBe(true);
    await expect.poll(() => deskPhoneHearsAgent(), { timeout: 10_000 }).toBe(true);
    expect((await alice.snapshot()).calls[0]?.media ?? null, 'no media problem named').toBeNull();

    await controls(popup).getByRole('button', { name: 'Hold' }).click();
    await alice.waitForSnapshot((s) => s.calls[0]?.held === true, 'held');
    await expect.poll(() => agentHearsDeskPhone(alice), { timeout: 10_000 }).toBe(false);
    await expect.poll(() => deskPhoneHearsAgent(), { timeout: 10_000 }).toBe(false);
    // Held, the browser sends only silence (Opus DTX, about 1 kbit/s).
    await expect.poll(() => deskPhoneReceivingBitsPerSecond(), { timeout: 10_000 }).toBeLessThan(4000);

    await controls(popup).getByRole('button', { name: 'Hold' }).click();
    await alice.waitForSnapshot((s) => s.calls[0]?.held === false, 'resumed');
    await expect.poll(() => agentHearsDeskPhone(alice), { timeout: 10_000 }).toBe(true);
    // The agent's audio reaches the phone again; baresip 1.0 stops decoding after a hold and a
    // resume though the packets arrive, so its receive rate is read here instead of its speaker.
    await expect.poll(() => deskPhoneReceivingBitsPerSecond(), { timeout: 10_000 }).toBeGreaterThan(8000);
    await popup.getByRole('button', { name: 'Hang up' }).click();
  });

  test('the desk phone holds the agent: the popup says so, and the agent cannot resume it', async () => {
    const { alice, popup } = await callDeskPhone();
    await expect.poll(() => agentHearsDeskPhone(alice), { timeout: 10_000 }).toBe(true);
    expect((await phone!.command('hold')).ok).toBe(true);
    await alice.waitForSnapshot((s) => s.calls[0]?.heldByRemote === true, 'held by the desk phone');
    await expect.poll(() => popup.getByRole('timer', { name: 'Call status' }).textContent()).toMatch(/hold/i);
    expect((await alice.snapshot()).calls[0]?.held, "the agent's own Hold stays off").toBe(false);
    expect((await phone!.command('resume')).ok).toBe(true);
    await alice.waitForSnapshot((s) => s.calls[0]?.heldByRemote === false, 'resumed by the desk phone');
    await expect.poll(() => agentHearsDeskPhone(alice), { timeout: 10_000 }).toBe(true);
  });

  test('keypad tones go to the desk phone in the audio (RFC 4733), through the relay, and the phone takes them', async () => {
    const since = Date.now();
    const { popup } = await callDeskPhone();
    await controls(popup).getByRole('button', { name: 'Keypad' }).click();
    const tones = popup.getByRole('group', { name: 'Tones keypad' });
    for (const key of ['4', '2', '#']) {
      await tones.getByRole('button', { name: `Send tone ${key}` }).click();
      await new Promise((r) => setTimeout(r, 400));
    }
    // rtpengine reads each event on its way to the phone (# is event 11).
    await expect.poll(() => env.pbx.dtmf.events.filter((e) => e.at >= since).map((e) => e.event), { timeout: 5000 }).toEqual([4, 2, 11]);
    // baresip 1.0 reports only the first event of a call on its console.
    await expect.poll(() => phone!.log(), { timeout: 5000 }).toContain("received event: '4' (end=1)");
  });

  test('the desk phone asks to send the agent on to a colleague (REFER): nothing is dialled until the agent accepts', async () => {
    const { alice, popup } = await callDeskPhone();
    const bob = await env.desks.registered('102');
    const bobPopup = await bob.openPopup();
    const since = Date.now();
    expect((await phone!.command('transfer', `sip:102@${env.pbx.domain}`)).ok).toBe(true);
    const request = popup.getByRole('alertdialog', { name: 'Transfer request' });
    await expect.poll(() => request.textContent(), { timeout: 10_000 }).toContain('103 asks to transfer you to 102');
    await new Promise((r) => setTimeout(r, 1000));
    expect(
      env.pbx.requests(since).filter((r) => r.method === 'INVITE' && r.ruri.startsWith('sip:102@')),
      'nothing dialled yet',
    ).toHaveLength(0);
    await request.getByRole('button', { name: 'Accept transfer' }).click();
    const incoming = bobPopup.getByRole('region', { name: 'Incoming call' });
    await expect.poll(() => incoming.textContent(), { timeout: 10_000 }).toContain('101');
    await incoming.getByRole('button', { name: 'Answer' }).click();
    await alice.waitForSnapshot((s) => s.calls.some((c) => c.remoteNumber === '102' && c.state === 'active'), 'alice talking to bob');
  });
});
