import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CDPSession, Page } from 'playwright-core';
import { Agent, DIST } from '../test/e2e/harness/browser';
import { bundleBytes, POPUP_GZIP_BUDGET } from '../test/e2e/harness/bundleSize';
import { TestPbx } from '../test/pbx/pbx';
import { callFromTrunk } from '../test/pbx/trunk';
import { type BenchFigure, figure, type Growth } from './figure';

export interface PopupBenchOptions {
  repetitions?: number;
  /** Numbers of stored recent calls the popup opens with. */
  recentCalls?: number[];
  log?: (line: string) => void;
}

/** What the popup shows once it is ready, in each state an agent opens it in. */
const STATES = {
  idle: `document.activeElement?.getAttribute('aria-label') === 'Number to call' && document.querySelector('.status-registered') !== null`,
  ringing: `document.querySelector('[aria-label="Incoming call"]') !== null`,
  'in a call': `document.querySelector('[aria-label="Current call"]') !== null`,
} as const;
type PopupState = keyof typeof STATES;

interface OpenTimes {
  /** From navigation start: the state's view in the page (its number field focused when idle). */
  readyMs: number;
  /** The number field rendered and focused (idle only): the figure earlier runs reported. */
  focusedMs: number | null;
  firstContentfulPaintMs: number;
}

/**
 * Resolves with the page's clocks once `ready` holds and the browser has reported its first
 * contentful paint. Given as a string: the bundler's name-keeping helpers do not exist in the page.
 */
const probe = (ready: string): string => `new Promise((resolve, reject) => {
  const times = { readyMs: null, focusedMs: null, firstContentfulPaintMs: null };
  const done = () => times.readyMs !== null && times.firstContentfulPaintMs !== null && resolve(times);
  const check = () => {
    if (times.focusedMs === null && document.activeElement?.getAttribute('aria-label') === 'Number to call') times.focusedMs = performance.now();
    if (times.readyMs === null && (${ready})) times.readyMs = performance.now();
    done();
  };
  new PerformanceObserver((list) => {
    const fcp = list.getEntriesByName('first-contentful-paint')[0];
    if (fcp) { times.firstContentfulPaintMs = fcp.startTime; done(); }
  }).observe({ type: 'paint', buffered: true });
  new MutationObserver(check).observe(document, { childList: true, subtree: true, attributes: true });
  document.addEventListener('focusin', check);
  check();
  setTimeout(() => reject(new Error('not ready after 10 s: ' + document.body.innerHTML.slice(0, 300))), 10000);
})`;

/** Opens `path` in a new tab, as the end-to-end tests open the popup, and times it. */
async function open(agent: Agent, path: string, ready: string): Promise<OpenTimes> {
  const page = await agent.context.newPage();
  try {
    await page.goto(agent.url(path), { waitUntil: 'commit' });
    return await page.evaluate<OpenTimes>(probe(ready));
  } finally {
    await page.close();
  }
}

/**
 * The floor for a state: the popup page as it stands once ready in that state, its HTML and CSS
 * kept and every script left out, the focused field focused by `autofocus`. Opened the same way,
 * it is what showing that view costs the browser with no work of ours.
 */
async function floorPage(popup: Page): Promise<string> {
  const html = await popup.evaluate(() => {
    document.activeElement?.setAttribute('autofocus', '');
    return `<!doctype html>\n${document.documentElement.outerHTML}`;
  });
  return html.replace(/<script\b[^>]*>[\s\S]*?<\/script>/g, '').replace(/<link rel="modulepreload"[^>]*>/g, '');
}

/**
 * Opens the extension's action popup as the toolbar button does (chrome.action.openPopup), with
 * `path` set as the popup, and gives its first contentful paint: a popup that Playwright does not
 * see as a page, so it is read through the browser's target list, over CDP.
 */
async function openFromToolbar(agent: Agent, cdp: CDPSession, path: string): Promise<number> {
  const sw = await agent.serviceWorker();
  await sw.evaluate((popup) => chrome.action.setPopup({ popup }), path);
  await sw.evaluate(() => chrome.action.openPopup());
  let target: { targetId: string } | undefined;
  for (let attempt = 0; attempt < 250 && target === undefined; attempt++) {
    const { targetInfos } = await cdp.send('Target.getTargets');
    target = targetInfos.find((t) => t.url === agent.url(path));
    if (target === undefined) await sleep(20);
  }
  if (target === undefined) throw new Error(`the toolbar popup ${path} never opened`);
  const { sessionId } = await cdp.send('Target.attachToTarget', { targetId: target.targetId, flatten: false });
  const answer = new Promise<string>((resolve) => {
    const onMessage = (event: { sessionId: string; message: string }): void => {
      if (event.sessionId !== sessionId) return;
      cdp.off('Target.receivedMessageFromTarget', onMessage);
      resolve(event.message);
    };
    cdp.on('Target.receivedMessageFromTarget', onMessage);
  });
  const expression = `new Promise((resolve) => { const paint = () => { const fcp = performance.getEntriesByName('first-contentful-paint')[0]; fcp ? resolve(fcp.startTime) : setTimeout(paint, 10); }; paint(); })`;
  const message = { id: 1, method: 'Runtime.evaluate', params: { expression, awaitPromise: true, returnByValue: true } };
  await cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify(message) });
  const reply = JSON.parse(await answer) as { result?: { result?: { value?: number } } };
  await cdp.send('Target.closeTarget', { targetId: target.targetId });
  await sleep(100);
  const fcp = reply.result?.result?.value;
  if (typeof fcp !== 'number') throw new Error(`the toolbar popup gave no paint time: ${JSON.stringify(reply).slice(0, 200)}`);
  return fcp;
}

/** The value 90 % of the openings stay within (nearest rank). */
function p90(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil(sorted.length * 0.9) - 1)]!;
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** Recent calls as the softphone stores them, newest first, one in five missed. */
function recentCalls(count: number): unknown[] {
  const now = Date.now();
  return Array.from({ length: count }, (_, i) => ({
    id: `bench-${i}`,
    direction: i % 5 === 0 ? 'missed' : i % 2 ? 'incoming' : 'outgoing',
    number: `+3225${String(500_000 + i).padStart(6, '0')}`,
    name: i % 3 ? `Customer ${i}` : null,
    startedAt: now - i * 60_000,
    durationMs: i % 5 === 0 ? 0 : 42_000,
    callerId: null,
    outcome: i % 5 === 0 ? 'no_answer' : 'hangup',
    outcomeCause: null,
  }));
}

/**
 * The popup opened in a tab, in each state, against its floor opened the same way in the same
 * browser, alternately; then with more and more stored recent calls. The extension is a copy of
 * dist/ with the floor pages added, so they never reach the store package.
 */
export async function runPopupBench(options: PopupBenchOptions = {}): Promise<{ figures: BenchFigure[]; growth: Growth[] }> {
  const repetitions = options.repetitions ?? 20;
  const sizes = options.recentCalls ?? [0, 1_000, 10_000];
  const log = options.log ?? (() => undefined);
  const figures: BenchFigure[] = [];
  const dir = mkdtempSync(join(tmpdir(), 'voip-bench-popup-'));
  cpSync(DIST, dir, { recursive: true });
  const pbx = await TestPbx.start();
  const agents: Agent[] = [];
  const agent = async (username: string): Promise<Agent> => {
    const user = pbx.users.find((u) => u.username === username)!;
    const launched = await Agent.launch({ extensionDir: dir });
    agents.push(launched);
    await launched.configure({ username, password: user.password, domain: pbx.domain, websocketUrl: pbx.wsUrl, iceServers: [] });
    await launched.waitUntilRegistered();
    return launched;
  };
  try {
    const alice = await agent('101');
    const bob = await agent('102');
    const sw = await alice.serviceWorker();
    const setRecentCalls = (count: number) => sw.evaluate((list) => chrome.storage.local.set({ recentCalls: list, recentCallsSeenAt: 0 }), recentCalls(count));

    const measure = async (state: PopupState): Promise<void> => {
      const live = await alice.openPopup();
      await live.evaluate(probe(STATES[state]));
      const floorPath = `extension/popupFloor-${state.replaceAll(' ', '-')}.html`;
      writeFileSync(join(dir, floorPath), await floorPage(live));
      await live.close();
      const ours: OpenTimes[] = [];
      const floor: OpenTimes[] = [];
      await open(alice, 'extension/popup.html', STATES[state]); // the first opening compiles the scripts
      for (let i = 0; i < repetitions; i++) {
        ours.push(await open(alice, 'extension/popup.html', STATES[state]));
        floor.push(await open(alice, floorPath, STATES[state]));
      }
      const pick = (list: OpenTimes[], key: keyof OpenTimes) => list.map((t) => t[key] ?? NaN);
      if (state === 'idle' || state === 'ringing') {
        // As the agent opens it: from the toolbar button, against the floor page opened the same way.
        const page = await alice.openOptions();
        const cdp = await alice.context.newCDPSession(page);
        const toolbar: number[] = [];
        const toolbarFloor: number[] = [];
        try {
          await openFromToolbar(alice, cdp, 'extension/popup.html');
          for (let i = 0; i < repetitions; i++) {
            toolbar.push(await openFromToolbar(alice, cdp, 'extension/popup.html'));
            toolbarFloor.push(await openFromToolbar(alice, cdp, floorPath));
          }
        } finally {
          await (await alice.serviceWorker()).evaluate(() => chrome.action.setPopup({ popup: 'extension/popup.html' }));
          await page.close();
        }
        figures.push(figure(`popup ${state}, opened from the toolbar button: first contentful paint; floor: the same`, 'ms', toolbar, toolbarFloor));
      }
      figures.push(figure(`popup ${state}: open to ready; floor: its HTML and CSS, no script`, 'ms', pick(ours, 'readyMs'), pick(floor, 'readyMs')));
      figures.push(
        figure(`popup ${state}: open to ready, 90th percentile; floor: the same`, 'ms', [p90(pick(ours, 'readyMs'))], [p90(pick(floor, 'readyMs'))]),
      );
      figures.push(
        figure(`popup ${state}: first contentful paint; floor: the same`, 'ms', pick(ours, 'firstContentfulPaintMs'), pick(floor, 'firstContentfulPaintMs')),
      );
      if (state === 'idle') {
        figures.push(figure('popup: open to keypad rendered and focused; floor: the same', 'ms', pick(ours, 'focusedMs'), pick(floor, 'focusedMs')));
      }
    };

    log('popup idle…');
    await setRecentCalls(0);
    await measure('idle');

    log('popup ringing…');
    const ringing = callFromTrunk(pbx, '101', 1, 600_000).catch(() => undefined);
    const incoming = await alice.waitForSnapshot((s) => s.calls[0]?.state === 'incoming', 'ringing');
    await measure('ringing');
    await alice.command('decline', { callId: incoming.calls[0]!.id });
    await ringing;
    await alice.waitForSnapshot((s) => s.calls.length === 0, 'ringing over');

    log('popup in a call…');
    const placed = await alice.command<{ ok: boolean; value: { callId: string } }>('call', { target: '102' });
    const atBob = await bob.waitForSnapshot((s) => s.calls[0]?.state === 'incoming', 'bob ringing');
    await bob.command('answer', { callId: atBob.calls[0]!.id });
    await alice.waitForSnapshot((s) => s.calls[0]?.state === 'active', 'answered');
    await measure('in a call');
    await alice.command('hangup', { callId: placed.value.callId });
    await alice.waitForSnapshot((s) => s.calls.length === 0, 'call over');

    log(`popup with ${sizes.join(', ')} recent calls…`);
    const growth: Growth = { figure: 'popup idle: open to ready, by stored recent calls', unit: 'ms', sizes, values: [] };
    for (const size of sizes) {
      await setRecentCalls(size);
      await sleep(200);
      await open(alice, 'extension/popup.html', STATES.idle);
      const times: number[] = [];
      for (let i = 0; i < repetitions; i++) times.push((await open(alice, 'extension/popup.html', STATES.idle)).readyMs);
      growth.values.push(figure('', 'ms', times, null).ours);
    }

    const bytes = bundleBytes('extension/popup.html');
    const over = bytes.gzip > POPUP_GZIP_BUDGET;
    figures.push(
      figure(`${over ? 'OVER BUDGET: ' : ''}popup JavaScript, gzipped; baseline: its budget`, 'KB', [bytes.gzip / 1024], [POPUP_GZIP_BUDGET / 1024]),
    );
    return { figures, growth: [growth] };
  } finally {
    for (const a of agents) await a.close();
    await pbx.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Whether a popup figure says its JavaScript is over budget. */
export const overBudget = (figures: BenchFigure[]): BenchFigure[] => figures.filter((f) => f.figure.startsWith('OVER BUDGET'));
