import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import type { SoftphoneSnapshot } from '../../../src/calls/snapshot';

export const DIST_FIREFOX = resolve(import.meta.dirname, '../../../dist-firefox');
const EXTENSION_ID = 'voip-widget@voip-widget.app';
/** Fixed so the tests know the extension's origin (Firefox picks a random one per profile otherwise). */
const EXTENSION_UUID = '5f1c2a3b-0000-4000-8000-00000000a11c';
export const FIREFOX_ORIGIN = `moz-extension://${EXTENSION_UUID}`;
/** Where Firefox ESR reads enterprise policies: distribution/ beside its binary. */
export const FIREFOX_POLICIES_FILE = '/usr/lib/firefox-esr/distribution/policies.json';

/**
 * Debian's Firefox ESR with the Firefox build installed as a temporary add-on, driven over
 * WebDriver BiDi by puppeteer-core, with fake media devices that need no permission prompt.
 * BiDi may not navigate a tab to an extension page, but an extension page may navigate itself:
 * the tests start from the welcome page the extension opens when installed.
 */
export class FirefoxAgent {
  private constructor(
    readonly browser: Browser,
    private readonly profileDir: string,
    readonly page: Page,
    private readonly extensionCopy: string | null = null,
  ) {}

  /**
   * `grantLoopback`: install a copy of the build in which access to 127.0.0.1 is granted, as if the
   * agent had accepted Firefox's prompt (which a test cannot answer), for click-to-call on the
   * test site. Only the grant differs: click-to-call still runs only on sites the agent enabled.
   */
  /**
   * `grantOrigins`: the same for these match patterns (e.g. `http://127.0.0.1:8123/*`): Firefox
   * takes a granted pattern without a port as no answer to a request for one with a port, and
   * would prompt.
   */
  /** `trustedCa`: a CA certificate (PEM file) the profile trusts, as an administrator would install one. */
  /**
   * `policy`: the add-on's settings in the enterprise policies.json (`3rdparty.Extensions.<add-on id>`),
   * as an administrator would push them. Firefox reads the file beside its binary (release builds
   * honour no other path for it), once, at start: the file is written just before this browser
   * starts and removed as soon as it has, whatever happens. The add-on is installed under an id of
   * this process's own, so another Firefox starting meanwhile finds no policy for its add-on.
   */
  static async launch(
    options: { grantLoopback?: boolean; grantOrigins?: string[]; trustedCa?: string; policy?: Record<string, unknown> } = {},
  ): Promise<FirefoxAgent> {
    if (!existsSync(join(DIST_FIREFOX, 'manifest.json'))) throw new Error('dist-firefox/ is missing: run `npm run build:firefox` first');
    const copy = options.grantLoopback || options.grantOrigins !== undefined || options.policy !== undefined;
    const extensionDir = copy ? mkdtempSync(join(tmpdir(), 'voip-firefox-ext-')) : DIST_FIREFOX;
    const addonId = options.policy ? `voip-widget-e2e-${process.pid}@voip-widget.app` : EXTENSION_ID;
    if (copy) {
      cpSync(DIST_FIREFOX, extensionDir, { recursive: true });
      const manifest = JSON.parse(readFileSync(join(extensionDir, 'manifest.json'), 'utf8')) as Record<string, unknown> & {
        browser_specific_settings: { gecko: { id: string } };
      };
      if (options.grantLoopback || options.grantOrigins)
        manifest.host_permissions = [...(options.grantLoopback ? ['http://127.0.0.1/*'] : []), ...(options.grantOrigins ?? [])];
      manifest.browser_specific_settings.gecko.id = addonId;
      writeFileSync(join(extensionDir, 'manifest.json'), JSON.stringify(manifest, null, 2));
    }
    const profileDir = mkdtempSync(join(tmpdir(), 'voip-firefox-'));
    if (options.trustedCa) {
      // The profile's own NSS certificate database, which Firefox reads at start.
      execFileSync('certutil', ['-d', `sql:${profileDir}`, '-N', '--empty-password']);
      execFileSync('certutil', ['-d', `sql:${profileDir}`, '-A', '-t', 'C,,', '-n', 'VoIP Widget test CA', '-i', options.trustedCa]);
    }
    if (options.policy) {
      // Never someone else's: a policies.json already there is left alone, and this test fails.
      if (existsSync(FIREFOX_POLICIES_FILE)) throw new Error(`${FIREFOX_POLICIES_FILE} exists already`);
      writeFileSync(FIREFOX_POLICIES_FILE, JSON.stringify({ policies: { '3rdparty': { Extensions: { [addonId]: options.policy } } } }), { flag: 'wx' });
    }
    const started = puppeteer.launch({
      browser: 'firefox',
      executablePath: '/usr/bin/firefox-esr',
      headless: true,
      userDataDir: profileDir,
      extraPrefsFirefox: {
        'media.navigator.streams.fake': true,
        'media.navigator.permission.disabled': true,
        // The test PBX is on loopback: offer loopback candidates, as plain addresses (not mDNS names).
        'media.peerconnection.ice.loopback': true,
        'media.peerconnection.ice.obfuscate_host_addresses': false,
        'extensions.webextensions.uuids': JSON.stringify({ [addonId]: EXTENSION_UUID }),
      },
    });
    // Read once at start: gone again as soon as the browser is up, or failed to start.
    const browser = await started.finally(() => options.policy && rmSync(FIREFOX_POLICIES_FILE, { force: true }));
    try {
      await browser.installExtension(extensionDir);
      return new FirefoxAgent(browser, profileDir, await FirefoxAgent.welcomePage(browser), extensionDir === DIST_FIREFOX ? null : extensionDir);
    } catch (error) {
      await browser.close();
      throw error;
    }
  }

  private static async welcomePage(browser: Browser): Promise<Page> {
    const deadline = Date.now() + 15_000;
    while (Date.now() < deadline) {
      for (const page of await browser.pages()) {
        const href = String(await page.evaluate('location.href').catch(() => ''));
        if (href.startsWith(FIREFOX_ORIGIN)) return page;
      }
      await new Promise((r) => setTimeout(r, 200));
    }
    throw new Error('the extension did not open its welcome page');
  }

  /** Shows one of the extension's pages (e.g. `extension/options.html`) in the test's tab. */
  async show(path: string): Promise<void> {
    await this.page.evaluate(`location.href = ${JSON.stringify(`${FIREFOX_ORIGIN}/${path}`)}`);
    const deadline = Date.now() + 10_000;
    while (Date.now() < deadline) {
      const ready = await this.page.evaluate(`location.pathname === ${JSON.stringify(`/${path}`)} && document.readyState === 'complete'`).catch(() => false);
      if (ready) return;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`${path} did not load`);
  }

  /** A request to the background page, as the extension's own pages send it. */
  async request<T = unknown>(type: string, payload: Record<string, unknown> = {}): Promise<T> {
    return this.page.evaluate(`browser.runtime.sendMessage(${JSON.stringify({ to: 'background', type, payload })})`) as Promise<T>;
  }

  /** The softphone's snapshot once `predicate` holds for it (polled), or an error saying what was awaited. */
  async waitForSnapshot(predicate: (s: SoftphoneSnapshot) => boolean, what: string, timeoutMs = 15_000): Promise<SoftphoneSnapshot> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const snapshot = await this.request<SoftphoneSnapshot>('getSnapshot');
      if (predicate(snapshot)) return snapshot;
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}: ${JSON.stringify(snapshot).slice(0, 400)}`);
      await new Promise((r) => setTimeout(r, 200));
    }
  }

  /** Evaluates `script` in the test's extension page. */
  async evaluate<T = unknown>(script: string): Promise<T> {
    return this.page.evaluate(script) as Promise<T>;
  }

  async close(): Promise<void> {
    await this.browser.close().catch(() => undefined);
    rmSync(this.profileDir, { recursive: true, force: true });
    if (this.extensionCopy !== null) rmSync(this.extensionCopy, { recursive: true, force: true });
  }
}
