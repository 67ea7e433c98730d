import type { Page } from 'playwright-core';
import { Agent } from '../test/e2e/harness/browser';
import { TestPbx } from '../test/pbx/pbx';
import { type BenchFigure, figure } from './figure';

export interface ColleaguesBenchOptions {
  repetitions?: number;
  log?: (line: string) => void;
}

const IDLE_READY = `document.activeElement?.getAttribute('aria-label') === 'Number to call' && document.querySelector('.status-registered') !== null`;

/** From navigation start to the idle popup ready (number field focused, registered shown). */
async function openIdle(agent: Agent): Promise<number> {
  const page = await agent.context.newPage();
  try {
    await page.goto(agent.url('extension/popup.html'), { waitUntil: 'commit' });
    return await page.evaluate<number>(`new Promise((resolve) => {
      const check = () => { if (${IDLE_READY}) resolve(performance.now()); };
      new MutationObserver(check).observe(document, { childList: true, subtree: true, attributes: true });
      document.addEventListener('focusin', check);
      check();
    })`);
  } finally {
    await page.close();
  }
}

/** Notes when each list item's accessible name first appears, by the wall clock the PBX log uses too. */
async function watchLabels(page: Page): Promise<void> {
  await page.evaluate(() => {
    const seenAt: Record<string, number> = {};
    (window as unknown as { seenAt: Record<string, number> }).seenAt = seenAt;
    new MutationObserver(() => {
      for (const item of document.querySelectorAll('li[aria-label]')) seenAt[item.getAttribute('aria-label')!] ??= Date.now();
    }).observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
  });
}

const colleagues = (count: number) => [
  { name: 'Alice', extension: '101' },
  { name: 'Bob', extension: '102' },
  ...Array.from({ length: count - 2 }, (_, i) => ({ name: `Colleague ${i + 1}`, extension: String(300 + i) })),
];

/**
 * A colleague's state change at the PBX to the Colleagues tab showing it: Alice calls Bob, and
 * from the moment the PBX sends Carol the NOTIFY about Bob's ringing phone (its own log) to Bob's
 * row reading "ringing" in Carol's tab. Then the popup's opening with 50 colleagues watched,
 * against the same popup with none.
 */
export async function runColleaguesBench(options: ColleaguesBenchOptions = {}): Promise<BenchFigure[]> {
  const repetitions = options.repetitions ?? 10;
  const log = options.log ?? (() => undefined);
  const pbx = await TestPbx.start({ presence: true });
  const agents: Agent[] = [];
  const agent = async (username: string): Promise<Agent> => {
    const user = pbx.users.find((u) => u.username === username)!;
    const launched = await Agent.launch();
    agents.push(launched);
    await launched.configure({ username, password: user.password, domain: pbx.domain, websocketUrl: pbx.wsUrl, iceServers: [] });
    await launched.waitUntilRegistered();
    return launched;
  };
  const store = (carol: Agent, count: number) =>
    carol.command('saveColleagueSettings', { settings: { colleagues: count === 0 ? [] : colleagues(count), quickCalls: [], pickupCode: '**' } });
  try {
    const [alice, bob, carol] = [await agent('101'), await agent('102'), await agent('103')];
    const figures: BenchFigure[] = [];

    log('popup open with no colleagues, then with 50…');
    await store(carol, 0);
    await openIdle(carol);
    const without: number[] = [];
    for (let i = 0; i < repetitions; i++) without.push(await openIdle(carol));
    await store(carol, 50);
    await carol.waitForSnapshot((s) => Object.values(s.colleagues ?? {}).filter((c) => c.state === 'idle').length === 50, '50 colleagues free');
    await openIdle(carol);
    const with50: number[] = [];
    for (let i = 0; i < repetitions; i++) with50.push(await openIdle(carol));
    figures.push(figure('popup idle with 50 colleagues watched: open to ready; baseline: with none', 'ms', with50, without));

    log('colleague state change, PBX to tab…');
    const tab = await carol.openPopup();
    await tab.getByRole('tab', { name: 'Colleagues' }).click();
    const latencies: number[] = [];
    for (let i = 0; i < repetitions; i++) {
      await tab.reload();
      await tab.getByRole('tab', { name: 'Colleagues' }).click();
      await tab.getByRole('listitem', { name: 'Bob, free' }).waitFor();
      await watchLabels(tab);
      const started = Date.now();
      const placed = await alice.command<{ ok: boolean; value: { callId: string } }>('call', { target: '102' });
      await tab.getByRole('listitem', { name: 'Bob, ringing' }).waitFor();
      const notified = pbx.logEntries(started).find((l) => /LOCAL NOTIFY from 102 to 103 /.test(l.text))?.at;
      const shown = await tab.evaluate(() => (window as unknown as { seenAt: Record<string, number> }).seenAt['Bob, ringing']);
      if (notified !== undefined && shown !== undefined) latencies.push(shown - notified);
      await alice.command('hangup', { callId: placed.value.callId });
      await bob.waitForSnapshot((s) => s.calls.length === 0, 'Bob no longer ringing');
    }
    figures.push(figure('colleague state change: PBX NOTIFY to the Colleagues tab showing it', 'ms', latencies, null));
    return figures;
  } finally {
    for (const a of agents) await a.close();
    await pbx.stop();
  }
}
