// A smoke test of the Firefox build in a real Firefox (not part of CI: it needs Firefox ESR 140+,
// `apt-get install firefox-esr`). Installs dist-firefox/ as a temporary add-on over WebDriver BiDi,
// registers it to the demo PBX, checks that it stays registered past Firefox's idle timeout for
// background pages, and that a call to the echo test carries audio both ways.
// Usage: npm run smoke:firefox
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { freePort } from '../test/pbx/ports';
import { ECHO_TEST, demoSettings, startDemoPbx } from './demo/setup';

const root = resolve(import.meta.dirname, '..');
const ADDON_ID = 'voip-widget@voip-widget.app';
const UUID = '5e0d9f3c-6f4e-4a53-9d6e-1f0c2b7a9e11';
const FIREFOX = process.env.FIREFOX ?? '/usr/bin/firefox-esr';
const HOLD_MS = Number(process.env.HOLD_MS ?? 75_000);

class Bidi {
  private next = 1;
  private readonly pending = new Map<number, { resolve: (v: any) => void; reject: (e: Error) => void }>();
  private constructor(private readonly socket: WebSocket) {
    socket.addEventListener('message', (event) => {
      const message = JSON.parse(String(event.data));
      const waiter = message.id === undefined ? undefined : this.pending.get(message.id);
      if (!waiter) return;
      this.pending.delete(message.id);
      if (message.type === 'error') waiter.reject(new Error(`${message.error}: ${message.message}`));
      else waiter.resolve(message.result);
    });
  }
  static async connect(url: string): Promise<Bidi> {
    const socket = new WebSocket(url);
    await new Promise((ok, fail) => {
      socket.addEventListener('open', ok, { once: true });
      socket.addEventListener('error', () => fail(new Error(`cannot connect to ${url}`)), { once: true });
    });
    return new Bidi(socket);
  }
  send(method: string, params: object = {}): Promise<any> {
    const id = this.next++;
    this.socket.send(JSON.stringify({ id, method, params }));
    return new Promise((resolve, reject) => this.pending.set(id, { resolve, reject }));
  }
  close(): void {
    this.socket.close();
  }
}

async function retry<T>(what: string, attempt: () => Promise<T>, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await attempt();
    } catch (error) {
      if (Date.now() > deadline) throw new Error(`${what}: ${String(error)}`);
      await new Promise((r) => setTimeout(r, 250));
    }
  }
}

const pbx = await startDemoPbx();
const profile = mkdtempSync(join(tmpdir(), 'voip-firefox-'));
writeFileSync(join(profile, 'user.js'), [
  `user_pref("extensions.webextensions.uuids", ${JSON.stringify(JSON.stringify({ [ADDON_ID]: UUID }))});`,
  'user_pref("media.navigator.streams.fake", true);',
  'user_pref("media.navigator.permission.disabled", true);',
  // The demo PBX's media relay is on loopback (Chromium's harness passes --allow-loopback-in-peer-connection).
  'user_pref("media.peerconnection.ice.loopback", true);',
  // Hosts named by mDNS cannot be paired with a relay on 127.0.0.1; real PBXs learn the address from the checks.
  'user_pref("media.peerconnection.ice.obfuscate_host_addresses", false);',
  'user_pref("browser.shell.checkDefaultBrowser", false);',
  'user_pref("datareporting.policy.dataSubmissionEnabled", false);',
].join('\n'));
const port = await freePort();
const firefox = spawn(FIREFOX, ['--headless', '--no-remote', '--profile', profile, `--remote-debugging-port=${port}`], { stdio: ['ignore', 'ignore', 'pipe'], detached: true });
let failed = false;
try {
  const bidi = await retry('Firefox remote agent', () => Bidi.connect(`ws://127.0.0.1:${port}/session`));
  await bidi.send('session.new', { capabilities: {} });
  await bidi.send('webExtension.install', { extensionData: { type: 'path', path: join(root, 'dist-firefox') } });
  // WebDriver may not navigate to extension pages; the add-on opens its welcome page on install.
  const context = await retry('the welcome page', async () => {
    const { contexts } = await bidi.send('browsingContext.getTree', {});
    const welcome = contexts.find((c: { url: string }) => c.url.startsWith(`moz-extension://${UUID}/`));
    if (!welcome) throw new Error(contexts.map((c: { url: string }) => c.url).join(', '));
    return welcome.context as string;
  });
  const ask = async (type: string, payload: object = {}): Promise<any> => {
    const result = await bidi.send('script.evaluate', {
      expression: `browser.runtime.sendMessage(${JSON.stringify({ to: 'background', type, payload })}).then((r) => JSON.stringify(r))`,
      awaitPromise: true,
      target: { context },
    });
    if (result.type === 'exception') throw new Error(JSON.stringify(result.exceptionDetails?.text ?? result));
    return JSON.parse(result.result.value);
  };
  const saved = await retry('saveAccount', () => ask('saveAccount', { account: demoSettings(pbx).account }));
  console.log('saveAccount:', JSON.stringify(saved));
  const registered = async (): Promise<void> => {
    const snapshot = await ask('getSnapshot');
    if (snapshot.registration.state !== 'registered') throw new Error(JSON.stringify(snapshot.registration));
  };
  await retry('registration', registered);
  console.log('registered');
  const placed = await ask('call', { target: ECHO_TEST });
  console.log('call:', JSON.stringify(placed));
  const stats = async (): Promise<number> => {
    const snapshot = await ask('getSnapshot');
    const call = snapshot.calls[0];
    if (call?.state !== 'active') throw new Error(`call ${call?.state}`);
    return (await ask('callStats', { callId: call.id }))?.bytesReceived ?? 0;
  };
  const first = await retry('echo test answered', stats);
  await new Promise((r) => setTimeout(r, 3000));
  const second = await stats();
  console.log(`echo test: ${second - first} bytes received in 3 s`);
  if (second - first < 1000) failed = true;
  await ask('hangup', { callId: (await ask('getSnapshot')).calls[0].id });

  // A tel: link, as Firefox hands it to the protocol handler: the softphone opens with the number.
  const evaluate = async (expression: string): Promise<unknown> => {
    const result = await bidi.send('script.evaluate', { expression, awaitPromise: true, target: { context } });
    if (result.type === 'exception') throw new Error(result.exceptionDetails?.text ?? 'exception');
    return result.result.value;
  };
  await evaluate(`location.assign('/extension/dial.html?link=' + encodeURIComponent('tel:+32 2 555 01 23'))`);
  const shown = await retry('the softphone with the link\'s number', async () => {
    const value = await evaluate(`location.pathname.endsWith('/popup.html') ? document.querySelector('input')?.value ?? '' : ''`);
    if (!value) throw new Error('not yet');
    return value;
  });
  console.log(`tel: link opens the softphone with ${String(shown)}`);
  if (shown !== '+3225550123') failed = true;
  // Close every extension page: only the background page is left, as when the agent works in
  // other tabs. Firefox unloads idle background pages (30 s by default); the softphone must not go.
  await bidi.send('browsingContext.create', { type: 'tab' });
  await bidi.send('browsingContext.close', { context });
  const since = Date.now();
  await new Promise((r) => setTimeout(r, HOLD_MS));
  const closed = pbx.logLines(since).filter((l) => /WebSocket connection .* has closed/.test(l));
  const reRegistered = pbx.requests(since).filter((r) => r.method === 'REGISTER').length;
  console.log(`after ${HOLD_MS / 1000} s idle: ${closed.length} WebSocket closes, ${reRegistered} REGISTERs`);
  if (closed.length > 0) failed = true;

  bidi.close();
} catch (error) {
  failed = true;
  console.error(String(error));
} finally {
  try {
    process.kill(-firefox.pid!, 'SIGTERM');
  } catch {
    // already gone
  }
  await pbx.stop();
  rmSync(profile, { recursive: true, force: true });
}
console.log(failed ? 'FIREFOX SMOKE TEST FAILED' : 'Firefox smoke test passed');
process.exit(failed ? 1 : 0);
