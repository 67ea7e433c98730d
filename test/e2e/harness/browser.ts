import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { type BrowserContext, chromium, type Page, type Worker } from 'playwright-core';
import type { SoftphoneSnapshot } from '../../../src/calls/snapshot';
import type { CallStats } from '../../../src/protocol/api';
import type { AccountSettings } from '../../../src/settings';

export const DIST = resolve(import.meta.dirname, '../../../dist');

/** A home folder for the browser beside its profile, with an NSS database trusting `ca` if given. */
function homeFor(profileDir: string, ca: string | undefined): string {
  const home = `${profileDir}-home`;
  const nssdb = join(home, '.pki', 'nssdb');
  if (!existsSync(nssdb)) {
    mkdirSync(nssdb, { recursive: true });
    execFileSync('certutil', ['-d', `sql:${nssdb}`, '-N', '--empty-password']);
    if (ca) execFileSync('certutil', ['-d', `sql:${nssdb}`, '-A', '-t', 'C,,', '-n', 'VoIP Widget test CA', '-i', ca]);
  }
  return home;
}

export interface AgentOptions {
  /** Grant the microphone to the extension (as a user who allowed it would). Default true. */
  microphone?: boolean;
  /** Load the extension from this folder instead of dist/ (e.g. a copy with a site already granted). */
  extensionDir?: string;
  /** A file the browser logs to, console messages of all its contexts included. */
  logFile?: string;
  /** A CA certificate (PEM file) the browser trusts, as an administrator would install one. */
  trustedCa?: string;
  /** The browser's language (e.g. 'fr'), which the extension's interface follows. */
  language?: string;
  /** A WAV file the fake microphone plays (in a loop) instead of Chromium's beep. */
  microphoneFile?: string;
}

/** One browser profile with the built extension loaded: an agent at a desk. */
export class Agent {
  private constructor(
    public context: BrowserContext,
    readonly extensionId: string,
    private readonly profileDir: string,
    private readonly options: AgentOptions,
  ) {}

  /** CPU time (ms, user + system) the browser and all its child processes have used so far, read from /proc. */
  cpuTimeMs(): number {
    const stats = new Map<number, { parent: number; ticks: number; ours: boolean }>();
    for (const name of readdirSync('/proc').filter((entry) => /^\d+$/.test(entry))) {
      try {
        const fields = readFileSync(`/proc/${name}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
        const ours = readFileSync(`/proc/${name}/cmdline`, 'utf8').includes(this.profileDir);
        stats.set(Number(name), { parent: Number(fields[1]), ticks: Number(fields[11] ?? 0) + Number(fields[12] ?? 0), ours });
      } catch {
        // The process ended meanwhile.
      }
    }
    const inBrowser = (pid: number, depth = 0): boolean => {
      const stat = stats.get(pid);
      return stat !== undefined && (stat.ours || (depth < 8 && inBrowser(stat.parent, depth + 1)));
    };
    let ticks = 0;
    for (const [pid, stat] of stats) if (inBrowser(pid)) ticks += stat.ticks;
    return ticks * 10; // USER_HZ is 100 on Linux.
  }

  static async launch(options: AgentOptions = {}): Promise<Agent> {
    const profileDir = mkdtempSync(join(tmpdir(), 'voip-agent-'));
    const { context, extensionId } = await Agent.open(profileDir, options);
    return new Agent(context, extensionId, profileDir, options);
  }

  /** Quits the browser and starts it again on the same profile, as an agent would the next morning. */
  async restart(): Promise<void> {
    await this.context.close();
    this.probe = null;
    this.context = (await Agent.open(this.profileDir, this.options)).context;
  }

  private static async open(profileDir: string, options: AgentOptions): Promise<{ context: BrowserContext; extensionId: string }> {
    const context = await chromium.launchPersistentContext(profileDir, {
      executablePath: '/usr/bin/chromium',
      headless: false,
      // Chromium on Linux trusts the CAs of the NSS database in $HOME/.pki/nssdb.
      env: { ...process.env, HOME: homeFor(profileDir, options.trustedCa) },
      ...(options.language ? { locale: options.language } : {}),
      args: [
        '--headless=new',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--allow-loopback-in-peer-connection',
        '--use-fake-device-for-media-stream',
        ...(options.microphoneFile ? [`--use-file-for-fake-audio-capture=${options.microphoneFile}`] : []),
        '--autoplay-policy=no-user-gesture-required',
        ...(options.language ? [`--lang=${options.language}`] : []),
        // Exact heap figures, after a collection, for the soak test and the benchmarks.
        '--enable-precise-memory-info',
        '--js-flags=--expose-gc',
        ...(options.microphone === false ? [] : ['--use-fake-ui-for-media-stream']),
        ...(options.logFile ? ['--enable-logging', `--log-file=${options.logFile}`, '--v=0'] : []),
        `--disable-extensions-except=${options.extensionDir ?? DIST}`,
        `--load-extension=${options.extensionDir ?? DIST}`,
      ],
    });
    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
    return { context, extensionId: new URL(worker.url()).host };
  }

  url(path: string): string {
    return `chrome-extension://${this.extensionId}/${path}`;
  }

  async serviceWorker(): Promise<Worker> {
    return this.context.serviceWorkers()[0] ?? (await this.context.waitForEvent('serviceworker'));
  }

  /** Opens the softphone popup (as a tab: closing it is closing the popup). */
  async openPopup(): Promise<Page> {
    const page = await this.context.newPage();
    await page.goto(this.url('extension/popup.html'));
    return page;
  }

  async openOptions(): Promise<Page> {
    const page = await this.context.newPage();
    await page.goto(this.url('extension/options.html'));
    return page;
  }

  /** Stores an account the way the settings page does, through the service worker's validation. */
  async configure(account: Partial<AccountSettings> & Pick<AccountSettings, 'username' | 'password' | 'domain' | 'websocketUrl'>): Promise<void> {
    const page = await this.extensionPage();
    const result = await page.evaluate((a) => chrome.runtime.sendMessage({ to: 'background', type: 'saveAccount', payload: { account: a } }), {
      displayName: '',
      iceServers: [],
      enabled: true,
      ...account,
    });
    if (!result?.ok) throw new Error(`account refused: ${JSON.stringify(result)}`);
  }

  async snapshot(): Promise<SoftphoneSnapshot> {
    const page = await this.extensionPage();
    return page.evaluate(() => chrome.runtime.sendMessage({ to: 'background', type: 'getSnapshot', payload: {} }));
  }

  async waitForSnapshot(predicate: (s: SoftphoneSnapshot) => boolean, what: string, timeoutMs = 15_000): Promise<SoftphoneSnapshot> {
    const deadline = Date.now() + timeoutMs;
    let last: SoftphoneSnapshot | undefined;
    while (Date.now() < deadline) {
      last = await this.snapshot();
      if (predicate(last)) return last;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error(`timed out waiting for ${what}; last snapshot: ${JSON.stringify(last)}`);
  }

  async waitUntilRegistered(): Promise<SoftphoneSnapshot> {
    return this.waitForSnapshot((s) => s.registration.state === 'registered', 'registration');
  }

  /** Sends a request to the service worker as the popup would (the protocol's `background` target). */
  async command<T = unknown>(type: string, payload: Record<string, unknown> = {}): Promise<T> {
    const page = await this.extensionPage();
    return page.evaluate(([t, p]) => chrome.runtime.sendMessage({ to: 'background', type: t, payload: p }), [type, payload] as const) as Promise<T>;
  }

  async callStats(callId: string): Promise<CallStats | null> {
    const page = await this.extensionPage();
    return page.evaluate((id) => chrome.runtime.sendMessage({ to: 'background', type: 'callStats', payload: { callId: id } }), callId);
  }

  /** An extension page kept open for the test's own requests (not the popup under test). */
  private probe: Page | null = null;
  private async extensionPage(): Promise<Page> {
    if (this.probe === null || this.probe.isClosed()) {
      this.probe = await this.context.newPage();
      await this.probe.goto(this.url('extension/welcome.html'));
    }
    return this.probe;
  }

  /**
   * Freezes every process of this browser (SIGSTOP) for `ms`, as a laptop lid closing would, while
   * `meanwhile` runs; then lets them run again.
   */
  async sleep(ms: number, meanwhile: () => Promise<void> = async () => undefined): Promise<void> {
    const pids = execFileSync('pgrep', ['-f', `user-data-dir=${this.profileDir}`], { encoding: 'utf8' })
      .split('\n')
      .filter(Boolean)
      .map(Number);
    for (const pid of pids) process.kill(pid, 'SIGSTOP');
    try {
      await meanwhile();
      await new Promise((r) => setTimeout(r, ms));
    } finally {
      for (const pid of pids) process.kill(pid, 'SIGCONT');
    }
  }

  async close(): Promise<void> {
    await this.context.close().catch(() => undefined);
    rmSync(this.profileDir, { recursive: true, force: true });
    rmSync(`${this.profileDir}-home`, { recursive: true, force: true });
  }
}
