// npm run demo: a working softphone without an account. Builds the extension, starts the project's
// PBX on loopback (Kamailio, rtpengine, sipp) with demo users, a queue and an echo test, a demo
// caller, then opens Chromium with the extension set up for the demo agent. Ctrl-C stops it all.

import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { type BrowserContext, chromium } from 'playwright-core';
import type { TestPbx } from '../test/pbx/pbx';
import { AGENT, ANNOUNCEMENT, CALLER, configureExtension, DEMO_QUEUE, DemoCaller, demoSettings, ECHO_TEST, startDemoPbx } from './demo/setup';

const root = resolve(import.meta.dirname, '..');
const DIST = join(root, 'dist');

if (!process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
  console.log(`The demo opens Chromium with the extension, and this session has no display ($DISPLAY and $WAYLAND_DISPLAY are unset).
  - On a desktop: run \`npm run demo\` from a terminal of the desktop session.
  - Over SSH: \`ssh -X\` to this machine, then \`npm run demo\`.
  - Without any screen: \`xvfb-run npm run demo\` (Debian: apt-get install xvfb) runs it on a virtual display,
    or \`npm run screenshots\` takes pictures of the popup in artifacts/screenshots/.`);
  process.exit(0);
}

const missing = ['kamailio', 'rtpengine', 'sipp', 'chromium'].filter((tool) => spawnSync('sh', ['-c', `command -v ${tool}`]).status !== 0);
if (missing.length > 0) {
  console.log(`The demo needs ${missing.join(', ')}: run \`bash scripts/setup.sh\` first (Debian 12, as root or with sudo).`);
  process.exit(1);
}

// What the demo started, stopped in this order: the PBX first (its daemons run detached and would
// outlive us), then the browsers (Playwright also kills them when we exit), then the profile.
const started: { pbx?: TestPbx; caller?: DemoCaller; agent?: BrowserContext; profile?: string } = {};
let stopping: Promise<void> | null = null;

function stop(code = 0): Promise<void> {
  stopping ??= (async () => {
    console.log('\nStopping the demo…');
    const steps = [() => started.pbx?.stop(), () => started.caller?.close(), () => started.agent?.close()];
    for (const step of steps)
      await Promise.resolve()
        .then(step)
        .catch((error: unknown) => console.warn(String(error)));
    if (started.profile) rmSync(started.profile, { recursive: true, force: true });
    console.log('Stopped.');
    process.exit(code);
  })();
  return stopping;
}
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());

async function openAgentBrowser(pbx: TestPbx): Promise<BrowserContext> {
  const profile = mkdtempSync(join(tmpdir(), 'voip-demo-'));
  started.profile = profile;
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: '/usr/bin/chromium',
    headless: false,
    viewport: null,
    ignoreDefaultArgs: ['--enable-automation'],
    args: [
      ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
      '--no-first-run',
      '--no-default-browser-check',
      // The demo skips the welcome page's microphone question: the browser says yes on the agent's behalf.
      '--use-fake-ui-for-media-stream',
      `--disable-extensions-except=${DIST}`,
      `--load-extension=${DIST}`,
    ],
  });
  started.agent = context;
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const extensionId = new URL(worker.url()).host;
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/extension/welcome.html`);
  await configureExtension(page, demoSettings(pbx));
  // The toolbar popup cannot be opened for the user; a popup window of the same page can.
  await worker.evaluate(
    (url) => chrome.windows.create({ url, type: 'popup', width: 380, height: 640, focused: true }),
    `chrome-extension://${extensionId}/extension/popup.html`,
  );
  context.on('close', () => void stop());
  return context;
}

function build(): void {
  console.log('Building the extension (dist/)…');
  const result = spawnSync(join(root, 'node_modules', '.bin', 'vite'), ['build', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) throw new Error('the build failed');
}

try {
  build();
  console.log('Starting the demo PBX (Kamailio, rtpengine, sipp) on loopback…');
  const pbx = await startDemoPbx();
  started.pbx = pbx;
  console.log('Registering the demo caller (a second, hidden softphone)…');
  const caller = await DemoCaller.start(pbx);
  started.caller = caller;
  console.log('Opening Chromium with VoIP Widget…');
  await openAgentBrowser(pbx);
  console.log(`
VoIP Widget demo: you are extension ${AGENT} on the PBX at ${pbx.wsUrl} (domain ${pbx.domain}).
  Dial ${ECHO_TEST}    echo test: you hear yourself (your real microphone)
  Dial ${ANNOUNCEMENT}    a short announcement, then the PBX hangs up
  Dial ${CALLER}    the demo caller's softphone: it answers by itself and plays a tone
  Queues tab  log in to "${DEMO_QUEUE.name}" (${DEMO_QUEUE.loginCode}) and out (${DEMO_QUEUE.logoutCode}); its number is ${DEMO_QUEUE.extension}
  Settings    the demo account, queue and caller ID rules (+33… numbers present the French line)

Press Enter: the demo caller (${CALLER}) calls you; Enter again: it hangs up.
Ctrl-C, q + Enter, or closing the browser: stop everything.`);
  const input = createInterface({ input: process.stdin });
  input.on('line', (line) => {
    if (line.trim().toLowerCase() === 'q') return void stop();
    void caller.callAgent().then(console.log, (error: unknown) => console.warn(`The demo caller failed: ${String(error)}`));
  });
} catch (error) {
  console.error(`The demo could not start: ${error instanceof Error ? error.message : String(error)}`);
  await stop(1);
}
