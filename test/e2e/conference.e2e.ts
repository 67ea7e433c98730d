import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import type { SoftphoneDiagnostics } from '../../src/protocol/softphone';
import type { Agent } from './harness/browser';
import { connect, usePbx } from './harness/phone';
import { writeSineWav } from './harness/sineWav';

const env = usePbx();
const controls = (popup: Page) => popup.getByRole('group', { name: 'Call controls' });

// Each party's microphone is a steady tone of its own, so who hears whom is read in the audio.
const VOICE = { alice: 500, bob: 700, carol: 1100 };
const CONFERENCE_HZ = Object.values(VOICE);
const files = mkdtempSync(join(tmpdir(), 'voip-conference-'));

/** The frequencies among the parties' voices that `agent`'s speaker carries now (read several times; a tone must be there in most readings). */
async function heardVoices(agent: Agent): Promise<number[]> {
  const readings: Record<string, number | null>[] = [];
  for (let i = 0; i < 8; i++) {
    readings.push((await agent.command<SoftphoneDiagnostics>('diagnostics', { frequencies: CONFERENCE_HZ })).output.levelsDb);
    await new Promise((r) => setTimeout(r, 150));
  }
  const present = (levels: Record<string, number | null>, hz: number): boolean => {
    const level = (f: number): number => levels[String(f)] ?? -200;
    return level(hz) > -60 && level(hz) - Math.max(level(hz - 20), level(hz + 20)) > 15;
  };
  return CONFERENCE_HZ.filter((hz) => readings.filter((levels) => present(levels, hz)).length >= 5);
}

async function expectHearing(agent: Agent, name: string, voices: number[]): Promise<void> {
  await expect
    .poll(() => heardVoices(agent), { timeout: 10_000, message: `${name} hears ${voices.join(' and ')} Hz` })
    .toEqual([...voices].sort((a, b) => a - b));
}

async function threeParties() {
  const alice = await env.desks.registered('101', {}, { microphoneFile: writeSineWav(join(files, 'alice.wav'), VOICE.alice) });
  const bob = await env.desks.registered('102', {}, { microphoneFile: writeSineWav(join(files, 'bob.wav'), VOICE.bob) });
  const carol = await env.desks.registered('103', {}, { microphoneFile: writeSineWav(join(files, 'carol.wav'), VOICE.carol) });
  const [alicePopup, bobPopup, carolPopup] = await Promise.all([alice.openPopup(), bob.openPopup(), carol.openPopup()]);
  await connect(alice, alicePopup, bob, bobPopup, '102');
  await expectHearing(alice, 'alice', [VOICE.bob]);

  // Add call: bob is held while alice calls carol.
  await controls(alicePopup).getByRole('button', { name: 'Add call' }).click();
  await alicePopup.getByRole('textbox', { name: 'Number to add' }).fill('103');
  await alicePopup.getByRole('button', { name: 'Call them' }).click();
  await carolPopup.getByRole('region', { name: 'Incoming call' }).getByRole('button', { name: 'Answer' }).click();
  await alice.waitForSnapshot(
    (s) => s.calls.length === 2 && s.calls.some((c) => c.remoteNumber === '103' && c.state === 'active' && !c.held),
    'alice talking to carol',
  );
  expect((await alice.snapshot()).calls.find((c) => c.remoteNumber === '102')?.held, 'bob held meanwhile').toBe(true);
  await expectHearing(carol, 'carol', [VOICE.alice]);

  await alicePopup.getByRole('button', { name: 'Merge the calls with 103 and 102 into a conference' }).click();
  await alice.waitForSnapshot((s) => s.calls.length === 2 && s.calls.every((c) => c.conferenceWith && !c.held), 'the conference');
  return { alice, bob, carol, alicePopup, bobPopup, carolPopup };
}

describe('three-way conference, mixed in the browser', () => {
  test('each party hears both others; mute silences only the agent; split goes back to two calls', async () => {
    const { alice, bob, carol, alicePopup } = await threeParties();
    await expectHearing(bob, 'bob', [VOICE.alice, VOICE.carol]);
    await expectHearing(carol, 'carol', [VOICE.alice, VOICE.bob]);
    await expectHearing(alice, 'alice', [VOICE.bob, VOICE.carol]);
    // The panel shows one party; the other is listed as in the conference.
    const listed = alicePopup.getByRole('list', { name: 'Other calls' }).getByRole('listitem');
    await expect.poll(() => listed.textContent()).toMatch(/^10[23] · in the conference/);
    const splitOff = (await listed.textContent())?.slice(0, 3) === '102' ? 'bob' : 'carol';
    const stays = splitOff === 'bob' ? 'carol' : 'bob';

    await controls(alicePopup).getByRole('button', { name: 'Mute' }).click();
    await alice.waitForSnapshot((s) => s.calls.every((c) => c.muted), 'both calls muted');
    await expectHearing(bob, 'bob, with alice muted', [VOICE.carol]);
    await expectHearing(carol, 'carol, with alice muted', [VOICE.bob]);
    await controls(alicePopup).getByRole('button', { name: 'Mute' }).click();
    await expectHearing(bob, 'bob, alice unmuted', [VOICE.alice, VOICE.carol]);

    const number = { bob: '102', carol: '103' };
    await alicePopup.getByRole('button', { name: `Split ${number[splitOff]} off the conference` }).click();
    await alice.waitForSnapshot(
      (s) => s.calls.length === 2 && s.calls.every((c) => !c.conferenceWith) && s.calls.find((c) => c.remoteNumber === number[splitOff])?.held === true,
      `two calls again, ${splitOff} held`,
    );
    const party = { bob, carol };
    await expectHearing(party[stays], `${stays}, after the split`, [VOICE.alice]);
    await expectHearing(party[splitOff], `${splitOff}, held after the split`, []);
  });

  test('hold holds the whole conference; when one party hangs up, the other call goes on', async () => {
    const { alice, bob, carol, alicePopup, carolPopup } = await threeParties();
    await expectHearing(bob, 'bob', [VOICE.alice, VOICE.carol]);
    await controls(alicePopup).getByRole('button', { name: 'Hold' }).click();
    await alice.waitForSnapshot((s) => s.calls.length === 2 && s.calls.every((c) => c.held), 'both calls held');
    await controls(alicePopup).getByRole('button', { name: 'Hold' }).click();
    await alice.waitForSnapshot((s) => s.calls.length === 2 && s.calls.every((c) => !c.held && c.conferenceWith), 'the conference resumed');
    await expectHearing(bob, 'bob, resumed', [VOICE.alice, VOICE.carol]);

    await carolPopup.getByRole('button', { name: 'Hang up' }).click();
    await alice.waitForSnapshot(
      (s) => s.calls.length === 1 && s.calls[0]?.remoteNumber === '102' && s.calls[0].state === 'active' && !s.calls[0].conferenceWith,
      'alice and bob still talking',
    );
    await expectHearing(bob, 'bob, carol gone', [VOICE.alice]);
    await expectHearing(alice, 'alice, carol gone', [VOICE.bob]);
    expect((await carol.snapshot()).calls).toHaveLength(0);
  });
});
