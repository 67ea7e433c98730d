import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { extname, join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import type { SoftphoneSnapshot } from '../src/calls/snapshot';
import type { SoftphoneDiagnostics } from '../src/protocol/softphone';
import { Agent } from '../test/e2e/harness/browser';
import { bundleBytes } from '../test/e2e/harness/bundleSize';
import { TestPbx } from '../test/pbx/pbx';
import { callFromTrunk } from '../test/pbx/trunk';
import { type BenchFigure, figure } from './figure';

const BASELINE_DIR = resolve(import.meta.dirname, '../dist-bench/baseline');
const UNREACHABLE_STUN = [{ urls: 'stun:127.0.0.1:9' }];
const NOT_IN_SERVICE = '199';
/** SIP keeps INVITE transactions 32 s after their 2xx: heap figures are read once they are gone. */
const TRANSACTIONS_DRAIN_MS = 35_000;

export interface SoftphoneBenchOptions {
  repetitions?: number;
  /** Repetitions of the baseline with an unreachable STUN server (each takes ~40 s). */
  slowBaselineRepetitions?: number;
  soakCalls?: number;
  log?: (line: string) => void;
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

async function until<T>(probe: () => Promise<T | undefined | null | false>, timeoutMs: number, what: string): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const value = await probe();
    if (value) return value;
    await sleep(20);
  }
  throw new Error(`timed out waiting for ${what}`);
}

function serveBaseline(): Promise<{ server: Server; url: string }> {
  const types: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript' };
  const server = createServer((req, res) => {
    const path = join(BASELINE_DIR, (req.url ?? '/').split('?')[0] === '/' ? 'index.html' : (req.url ?? '').split('?')[0]!);
    let body: Buffer;
    try {
      body = readFileSync(path);
    } catch {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': types[extname(path)] ?? 'application/octet-stream' }).end(body);
  });
  return new Promise((resolveServer) =>
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      resolveServer({ server, url: `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/` });
    }),
  );
}

/** Clicks `button` and resolves with the wall-clock time the page received the click. */
async function click(page: Page, button: string): Promise<number> {
  const clicked = page.evaluate<number>(`new Promise((r) => document.addEventListener('click', () => r(Date.now()), { capture: true, once: true }))`);
  await page.getByRole('button', { name: button, exact: true }).click();
  return clicked;
}

class Bench {
  readonly figures: BenchFigure[] = [];
  constructor(
    readonly pbx: TestPbx,
    readonly log: (line: string) => void,
  ) {}

  async agent(username: string, iceServers: { urls: string }[] = []): Promise<Agent> {
    const user = this.pbx.users.find((u) => u.username === username)!;
    const agent = await Agent.launch();
    await agent.configure({ username, password: user.password, domain: this.pbx.domain, websocketUrl: this.pbx.wsUrl, iceServers });
    await until(async () => (await agent.snapshot()).registration.state === 'registered', 15_000, `${username} registered`);
    return agent;
  }

  async baselinePage(agent: Agent, url: string, username: string, iceServers: { urls: string }[] = []): Promise<Page> {
    const user = this.pbx.users.find((u) => u.username === username)!;
    const page = await agent.context.newPage();
    await page.goto(url);
    await page.evaluate((c) => window.baseline.start(c), {
      websocketUrl: this.pbx.wsUrl,
      uri: `sip:${username}@${this.pbx.domain}`,
      password: user.password,
      iceServers,
    });
    await until(() => page.evaluate(() => window.baseline.state === 'registered'), 15_000, 'baseline registered');
    return page;
  }

  /**
   * Click on Call to the INVITE reaching the PBX. The number is not in service (the PBX answers
   * 404 at once), so no callee's state carries over from one measurement to the next.
   */
  async postDialOurs(popup: Page, agent: Agent): Promise<number> {
    await popup.getByRole('textbox', { name: 'Number to call' }).fill(NOT_IN_SERVICE);
    const clickedAt = await click(popup, 'Call');
    const invite = await this.pbx.waitForRequest('INVITE', new RegExp(`^sip:${NOT_IN_SERVICE}@`), { since: clickedAt - 50, timeoutMs: 60_000 });
    await until(async () => (await agent.snapshot()).calls.length === 0, 10_000, 'call over');
    return invite.at - clickedAt;
  }

  async postDialBaseline(page: Page): Promise<number> {
    await page.getByRole('textbox', { name: 'Number to call' }).fill(`sip:${NOT_IN_SERVICE}@${this.pbx.domain}`);
    const clickedAt = await click(page, 'Call');
    const invite = await this.pbx.waitForRequest('INVITE', new RegExp(`^sip:${NOT_IN_SERVICE}@`), { since: clickedAt - 50, timeoutMs: 60_000 });
    await until(() => page.evaluate(() => window.baseline.state === 'ended'), 10_000, 'baseline call over');
    return invite.at - clickedAt;
  }
}

async function repeat(times: number, run: (i: number) => Promise<number>): Promise<number[]> {
  const values: number[] = [];
  for (let i = 0; i < times; i++) values.push(await run(i));
  return values;
}

function findRegistered(pbx: TestPbx, user: string, since: number): number | undefined {
  return pbx.logEntries(since).find((l) => l.text.includes(`REGISTERED sip:${user}@`) && !/expires=0\b/.test(l.text))?.at;
}

export async function runSoftphoneBench(options: SoftphoneBenchOptions = {}): Promise<BenchFigure[]> {
  const repetitions = options.repetitions ?? 10;
  const slowBaseline = options.slowBaselineRepetitions ?? 2;
  const soakCalls = options.soakCalls ?? 200;
  const log = options.log ?? (() => undefined);
  const pbx = await TestPbx.start();
  const { server, url } = await serveBaseline();
  const bench = new Bench(pbx, log);
  const agents: Agent[] = [];
  try {
    // Post-dial delay, without ICE servers and with an unreachable STUN server.
    for (const [label, ice, baselineReps] of [
      ['no ICE servers', [], repetitions],
      ['unreachable STUN server', UNREACHABLE_STUN, slowBaseline],
    ] as const) {
      log(`post-dial delay, ${label}…`);
      const alice = await bench.agent('101', [...ice]);
      const popup = await alice.openPopup();
      await bench.postDialOurs(popup, alice); // the browser's first microphone opening is not a working-day call
      const ours = await repeat(repetitions, () => bench.postDialOurs(popup, alice));
      await alice.close();
      const host = await Agent.launch();
      const page = await bench.baselinePage(host, url, '101', [...ice]);
      const baseline = await repeat(baselineReps, () => bench.postDialBaseline(page));
      await host.close();
      bench.figures.push(figure(`post-dial delay (Call click to INVITE), ${label}`, 'ms', ours, baseline));
    }

    // Registration: the softphone starting (offscreen document created) vs a page loading, to REGISTER 200 OK.
    log('registration…');
    const alice = await bench.agent('101');
    agents.push(alice);
    const sw = await alice.serviceWorker();
    const ours = await repeat(repetitions, async () => {
      await sw.evaluate(() => chrome.offscreen.closeDocument());
      await sleep(300);
      const startedAt = Date.now();
      void alice.snapshot(); // any request starts the softphone again
      return (await until(async () => findRegistered(pbx, '101', startedAt), 15_000, 'registered')) - startedAt;
    });
    const host = await Agent.launch();
    agents.push(host);
    const baseline = await repeat(repetitions, async () => {
      const page = await host.context.newPage();
      const startedAt = Date.now();
      await page.goto(url);
      await page.evaluate((c) => window.baseline.start(c), {
        websocketUrl: pbx.wsUrl,
        uri: `sip:103@${pbx.domain}`,
        password: pbx.users[2]!.password,
        iceServers: [],
      });
      const at = await until(async () => findRegistered(pbx, '103', startedAt), 15_000, 'baseline registered');
      await page.close();
      return at - startedAt;
    });
    bench.figures.push(figure('registration (softphone start to REGISTER 200 OK)', 'ms', ours, baseline));

    // Incoming call: INVITE at the PBX to the popup showing it, and to the notification (popup closed).
    log('incoming call display…');
    /** A trunk caller rings alice; the time from its INVITE at the PBX to `shown` resolving. */
    const ringAndTime = async (shown: Promise<number>): Promise<number> => {
      const since = Date.now();
      const calling = callFromTrunk(pbx, '101', 1, 500);
      const shownAt = await shown;
      const invite = await pbx.waitForRequest('INVITE', /^sip:101@/, { since });
      await calling;
      await until(async () => (await alice.snapshot()).calls.length === 0, 10_000, 'ringing over');
      return shownAt - invite.at;
    };
    const popup = await alice.openPopup();
    const toPopup = await repeat(repetitions, async () => {
      // Scripts given as strings: the bundler's name-keeping helpers do not exist in the page.
      const shown = popup.evaluate<number>(`new Promise((resolve) => {
        const observer = new MutationObserver(() => {
          if (document.querySelector('[aria-label="Incoming call"]')) { observer.disconnect(); resolve(Date.now()); }
        });
        observer.observe(document.body, { childList: true, subtree: true });
      })`);
      return ringAndTime(shown);
    });
    bench.figures.push(figure('incoming call: INVITE at the PBX to the popup showing it', 'ms', toPopup, null));
    await popup.close();
    const toNotification = await repeat(repetitions, async () => {
      const shown = sw.evaluate<number>(`(async () => {
        for (;;) {
          if (Object.keys(await chrome.notifications.getAll()).some((id) => id.startsWith('incoming-call:'))) return Date.now();
          await new Promise((r) => setTimeout(r, 2));
        }
      })()`);
      return ringAndTime(shown);
    });
    bench.figures.push(figure('incoming call: INVITE at the PBX to the notification', 'ms', toNotification, null));

    // The popup's JavaScript against the SIP stack's (its opening is measured in measurePopup.ts).
    const popupBytes = bundleBytes('extension/popup.html');
    const stackBytes = bundleBytes('extension/offscreen.html');
    bench.figures.push(figure('popup JavaScript (raw); baseline: the offscreen bundle with JsSIP', 'KB', [popupBytes.raw / 1024], [stackBytes.raw / 1024]));
    bench.figures.push(figure('popup JavaScript (gzip); baseline: the offscreen bundle with JsSIP', 'KB', [popupBytes.gzip / 1024], [stackBytes.gzip / 1024]));

    // Memory: the softphone's heap idle, and after many calls (both read once SIP transactions drained).
    log(`memory (${soakCalls} calls)…`);
    const bob = await bench.agent('102');
    agents.push(bob);
    await sleep(TRANSACTIONS_DRAIN_MS);
    const heap = async (): Promise<number> => ((await alice.command<SoftphoneDiagnostics>('diagnostics')).jsHeapUsedBytes ?? NaN) / 1e6;
    const idle = await heap();
    const bobOk = (s: SoftphoneSnapshot): boolean => s.calls[0]?.state === 'incoming';
    for (let n = 0; n < soakCalls; n++) {
      const placed = await alice.command<{ ok: boolean; value: { callId: string } }>('call', { target: '102' });
      const ringing = await until(
        async () => {
          const s = await bob.snapshot();
          return bobOk(s) && s;
        },
        10_000,
        'ringing',
      );
      await bob.command('answer', { callId: ringing.calls[0]!.id });
      await until(async () => (await alice.snapshot()).calls[0]?.state === 'active', 10_000, 'answered');
      await alice.command('hangup', { callId: placed.value.callId });
      await until(async () => (await alice.snapshot()).calls.length === 0 && (await bob.snapshot()).calls.length === 0, 10_000, 'ended');
    }
    await sleep(TRANSACTIONS_DRAIN_MS);
    bench.figures.push(figure('memory: softphone JS heap, idle', 'MB', [idle], null));
    bench.figures.push(figure(`memory: softphone JS heap after ${soakCalls} calls`, 'MB', [await heap()], null));
    return bench.figures;
  } finally {
    for (const agent of agents) await agent.close();
    server.close();
    await pbx.stop();
  }
}
