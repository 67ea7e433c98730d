import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import type { SoftphoneSnapshot } from '../src/calls/snapshot';
import { Agent } from '../test/e2e/harness/browser';
import { writeSineWav } from '../test/e2e/harness/sineWav';
import { TestPbx } from '../test/pbx/pbx';
import { type BenchFigure, figure } from './figure';

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

async function until(agent: Agent, check: (s: SoftphoneSnapshot) => boolean, what: string): Promise<void> {
  await agent.waitForSnapshot(check, what, 15_000);
}

/** The agent's browser CPU (% of one core) over `ms`. */
async function cpuPercent(agent: Agent, ms: number): Promise<number> {
  const before = agent.cpuTimeMs();
  await sleep(ms);
  return (100 * (agent.cpuTimeMs() - before)) / ms;
}

async function dial(popup: Page, number: string): Promise<void> {
  await popup.getByRole('textbox', { name: 'Number to call' }).fill(number);
  await popup.getByRole('button', { name: 'Call' }).click();
}

async function answer(popup: Page): Promise<void> {
  await popup
    .getByRole('region', { name: 'Incoming call' })
    .getByRole('button', { name: /^Answer/ })
    .click();
}

/**
 * The conference mixer's cost: the agent's whole browser CPU while in a three-way conference,
 * against the same browser in a plain two-party call (the baseline), each read over `windowMs`.
 */
export async function runConferenceBench(options: { repetitions?: number; windowMs?: number; log?: (line: string) => void } = {}): Promise<BenchFigure[]> {
  const { repetitions = 3, windowMs = 5000, log = () => undefined } = options;
  const pbx = await TestPbx.start();
  const files = mkdtempSync(join(tmpdir(), 'voip-bench-conference-'));
  const agents: Agent[] = [];
  try {
    const start = async (user: string, hz: number): Promise<Agent> => {
      const password = pbx.users.find((u) => u.username === user)?.password ?? '';
      const agent = await Agent.launch({ microphoneFile: writeSineWav(join(files, `${user}.wav`), hz) });
      agents.push(agent);
      await agent.configure({ username: user, password, domain: pbx.domain, websocketUrl: pbx.wsUrl });
      await agent.waitUntilRegistered();
      return agent;
    };
    const [alice, bob, carol] = [await start('101', 500), await start('102', 700), await start('103', 1100)];
    const [alicePopup, bobPopup, carolPopup] = await Promise.all([alice.openPopup(), bob.openPopup(), carol.openPopup()]);
    const plain: number[] = [];
    const mixed: number[] = [];
    for (let i = 0; i < repetitions; i++) {
      await dial(alicePopup, '102');
      await answer(bobPopup);
      await until(alice, (s) => s.calls[0]?.state === 'active', 'the two-party call');
      await sleep(1000);
      plain.push(await cpuPercent(alice, windowMs));

      const controls = alicePopup.getByRole('group', { name: 'Call controls' });
      await controls.getByRole('button', { name: 'Add call' }).click();
      await alicePopup.getByRole('textbox', { name: 'Number to add' }).fill('103');
      await alicePopup.getByRole('button', { name: 'Call them' }).click();
      await answer(carolPopup);
      await until(alice, (s) => s.calls.length === 2 && s.calls.some((c) => c.remoteNumber === '103' && c.state === 'active'), 'the second call');
      await alicePopup.getByRole('button', { name: /^Merge the calls/ }).click();
      await until(alice, (s) => s.calls.length === 2 && s.calls.every((c) => c.conferenceWith && !c.held), 'the conference');
      await sleep(1000);
      mixed.push(await cpuPercent(alice, windowMs));
      log(`conference ${i + 1}: two-party call ${plain.at(-1)?.toFixed(1)} % of a core, conference ${mixed.at(-1)?.toFixed(1)} %`);
      for (const popup of [bobPopup, carolPopup]) await popup.getByRole('button', { name: 'Hang up' }).click();
      await until(alice, (s) => s.calls.length === 0, 'all calls ended');
    }
    return [figure("conference: the agent's browser CPU in a three-way conference (two-party call as baseline)", '% core', mixed, plain)];
  } finally {
    for (const agent of agents) await agent.close();
    await pbx.stop();
  }
}
