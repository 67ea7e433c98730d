import { describe, expect, test } from 'vitest';
import type { OutputToneAnalysis, SoftphoneDiagnostics } from '../../src/protocol/softphone';
import type { Agent } from './harness/browser';
import { dial, usePbx } from './harness/phone';

const RINGS_THEN_ANSWERS = '7180';
const EARLY_MEDIA = '7183';
const BUSY = '7486';
const env = usePbx({ ringbackCodes: [RINGS_THEN_ANSWERS], earlyMediaCodes: [EARLY_MEDIA], failingCodes: { [BUSY]: 486 } });

interface Sample {
  at: number;
  output: OutputToneAnalysis;
}

/** What the agent's speaker carries, read from the analyser in the offscreen document every `everyMs`. */
async function listen(agent: Agent, forMs: number, everyMs = 100): Promise<Sample[]> {
  const samples: Sample[] = [];
  const until = Date.now() + forMs;
  while (Date.now() < until) {
    const { output } = await agent.command<SoftphoneDiagnostics>('diagnostics');
    samples.push({ at: Date.now(), output });
    await new Promise((r) => setTimeout(r, everyMs));
  }
  return samples;
}

/** A pure tone at `hz`: loud enough, and a narrow peak (20 Hz either side is far below), as no voice is. */
function toneAt(output: OutputToneAnalysis, hz: number): boolean {
  const level = (f: number): number => output.levelsDb[String(f)] ?? -200;
  return level(hz) > -50 && level(hz) - Math.max(level(hz - 20), level(hz + 20)) > 25;
}

const heard = (samples: Sample[], frequencies: number[]): Sample[] => samples.filter((s) => frequencies.every((hz) => toneAt(s.output, hz)));

async function agentAt(homeCountry: string): Promise<Agent> {
  const agent = await env.desks.registered('101');
  await (await agent.serviceWorker()).evaluate((country) => chrome.storage.local.set({ callerId: { homeCountry: country } }), homeCountry);
  return agent;
}

describe('the ringback tone while the callee rings (180 without SDP)', () => {
  test.each<[string, string, number[]]>([
    ['Belgium', 'BE', [425]],
    ['the United States', 'US', [440, 480]],
    ['the United Kingdom', 'GB', [400, 450]],
  ])('an agent in %s hears the ringback of home (%s: %j Hz) on the speaker, and it stops at the answer', async (_, country, frequencies) => {
    const agent = await agentAt(country);
    const popup = await agent.openPopup();
    const since = Date.now();
    await dial(popup, RINGS_THEN_ANSWERS);
    const samples = await listen(agent, 4000);
    const ringing = samples.filter((s) => s.output.tone === 'ringback');
    expect(heard(ringing, frequencies).length, 'the ringback is in the speaker output').toBeGreaterThan(3);
    const other = [425, 440, 450, 480].filter((hz) => !frequencies.includes(hz) && !(country === 'GB' && hz === 425));
    for (const hz of other) expect(heard(samples, [hz]), `no ${hz} Hz tone from another plan`).toEqual([]);

    await agent.waitForSnapshot((s) => s.calls[0]?.state === 'active', 'answered');
    const answered = await listen(agent, 1200);
    expect(heard(answered.slice(2), frequencies), 'no ringback once answered').toEqual([]);

    const ringingAtPbx = env.pbx.logEntries(since).find((l) => /REPLY 180 /.test(l.text));
    const started = ringing[0]?.output;
    expect(ringingAtPbx, 'the PBX relayed the 180').toBeDefined();
    if (ringingAtPbx && started?.startedAt) {
      const startMs = started.startedAt - ringingAtPbx.at;
      console.log(`ringback (${country}): 180 at the PBX to the tone started ${startMs} ms, plus the output's own latency ${started.outputLatencyMs} ms`);
    }
    await popup.getByRole('button', { name: 'Hang up' }).click();
    await agent.waitForSnapshot((s) => s.calls.length === 0, 'hung up');
  });

  test('the time from 180 at the PBX to the tone starting stays within 50 ms', async () => {
    const agent = await agentAt('BE');
    const popup = await agent.openPopup();
    const since = Date.now();
    await dial(popup, RINGS_THEN_ANSWERS);
    await expect.poll(async () => (await agent.command<SoftphoneDiagnostics>('diagnostics')).output.tone, { timeout: 5000 }).toBe('ringback');
    const { output } = await agent.command<SoftphoneDiagnostics>('diagnostics');
    const ringingAtPbx = env.pbx.logEntries(since).find((l) => /REPLY 180 /.test(l.text));
    const startMs = (output.startedAt ?? Number.NaN) - (ringingAtPbx?.at ?? Number.NaN);
    console.log(`ringback: 180 at the PBX to the tone started ${startMs} ms (+${output.outputLatencyMs} ms output latency)`);
    expect(startMs).toBeLessThanOrEqual(50);
    await popup.getByRole('button', { name: 'Hang up' }).click();
    await agent.waitForSnapshot((s) => s.calls.length === 0, 'hung up');
  });
});

describe('early media (183 with SDP)', () => {
  test("the PBX's audio plays while the call rings, and the local ringback does not", async () => {
    const agent = await agentAt('BE');
    const popup = await agent.openPopup();
    await dial(popup, EARLY_MEDIA);
    await agent.waitForSnapshot((s) => s.calls[0]?.state === 'ringing' && s.calls[0].earlyMedia === true, 'ringing with early media');
    const samples = await listen(agent, 4000);
    expect((await agent.snapshot()).calls[0]?.state, 'still before the answer').toBe('ringing');
    expect(
      samples.filter((s) => (s.output.peakDb ?? -200) > -60),
      'the early media is in the speaker output',
    ).not.toHaveLength(0);
    expect(heard(samples, [425]), 'no local ringback over it').toEqual([]);
    expect(samples.every((s) => s.output.tone === null)).toBe(true);
    await popup.getByRole('button', { name: 'Hang up' }).click();
    await agent.waitForSnapshot((s) => s.calls.length === 0, 'hung up');
  });
});

describe('a call that does not go through', () => {
  test.each<[string, string, 'busy' | 'error']>([
    ['486 Busy Here gives the busy tone (425 Hz, 0.5 s on, 0.5 s off)', BUSY, 'busy'],
    ['an unknown number (404) gives the error tone (425 Hz, 0.25 s on, 0.25 s off)', '199', 'error'],
  ])('%s for a few seconds, then stops', async (_, number, tone) => {
    const agent = await agentAt('BE');
    const popup = await agent.openPopup();
    await dial(popup, number);
    const samples = await listen(agent, 4500);
    expect(samples.some((s) => s.output.tone === tone)).toBe(true);
    expect(heard(samples, [425]).length, 'the tone is in the speaker output').toBeGreaterThanOrEqual(3);
    expect(heard(samples.slice(-5), [425]), 'and it stops by itself').toEqual([]);
  });
});
