// Store-listing screenshots of the real popup, in headless Chromium against the demo PBX: the
// keypad registered, an incoming call, a call in progress and recent calls. Each is saved as the
// bare popup (popup-*.png) and framed at the 1280x800 the Chrome Web Store asks for (store-*.png).
// The icons are inline SVG, so no emoji font is needed; each picture is refused if a symbol
// character (which could render as an empty box) or an icon without a size is on it.
// Usage: npm run screenshots   (writes artifacts/screenshots/)

import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { Agent } from '../test/e2e/harness/browser';
import { iconProblems } from '../test/e2e/harness/glyphs';
import { dial } from '../test/e2e/harness/phone';
import type { TestPbx } from '../test/pbx/pbx';
import { configureExtension, DemoCaller, demoSettings, ECHO_TEST, startDemoPbx } from './demo/setup';

const root = resolve(import.meta.dirname, '..');
const out = join(root, 'artifacts', 'screenshots');

const captions: Record<string, [string, string]> = {
  keypad: ['A softphone in your toolbar', 'Registers to your PBX over SIP over WebSocket: Axivox, Kamailio, Asterisk, FreeSWITCH.'],
  incoming: ['Answer from the toolbar', 'Calls ring with the popup closed too, with a notification to answer or decline.'],
  call: ['Calls that outlive the popup', 'Mute, hold, keypad tones and transfers; close the popup, the call goes on.'],
  recent: ['Recent calls', 'Missed calls on the badge, and one click to call back.'],
};

async function shoot(agent: Agent, popup: Page, name: keyof typeof captions): Promise<void> {
  await popup.evaluate(() => document.fonts.ready);
  const problems = await iconProblems(popup);
  if (problems.length > 0) throw new Error(`the ${name} screenshot would show missing glyphs: ${problems.join('; ')}`);
  const file = join(out, `popup-${name}.png`);
  const image = await popup.screenshot({ path: file, fullPage: true });
  const [title, text] = captions[name]!;
  const frame = await agent.context.newPage();
  await frame.setViewportSize({ width: 1280, height: 800 });
  await frame.setContent(`<!doctype html><meta charset="utf-8"><style>
    body { margin: 0; width: 1280px; height: 800px; display: flex; align-items: center; gap: 80px; padding: 0 120px; box-sizing: border-box;
      font-family: system-ui, sans-serif; background: linear-gradient(135deg, #e9f7f0, #cfeee0); color: #0b3d2c; }
    .words { flex: 1; } h1 { font-size: 52px; line-height: 1.1; margin: 0 0 24px; } p { font-size: 26px; line-height: 1.4; margin: 0; color: #245a47; }
    img { width: 352px; border-radius: 14px; box-shadow: 0 24px 60px rgba(11, 61, 44, 0.28); background: #fff; }
  </style><div class="words"><h1>${title}</h1><p>${text}</p></div><img src="data:image/png;base64,${image.toString('base64')}">`);
  await frame.locator('img').evaluate((img: HTMLImageElement) => img.decode());
  await frame.screenshot({ path: join(out, `store-${name}.png`) });
  await frame.close();
  console.log(`artifacts/screenshots/popup-${name}.png, store-${name}.png`);
}

async function openPopup(agent: Agent): Promise<Page> {
  const popup = await agent.context.newPage();
  // The popup's own size: 320 px wide, at least 420 px high, with the page margin around it.
  await popup.setViewportSize({ width: 352, height: 452 });
  await popup.goto(agent.url('extension/popup.html'));
  return popup;
}

async function run(pbx: TestPbx, agent: Agent, caller: DemoCaller): Promise<void> {
  await configureExtension(await agent.openOptions(), demoSettings(pbx));
  await agent.waitUntilRegistered();
  let popup = await openPopup(agent);
  await popup.getByText('Ready').first().waitFor();
  await shoot(agent, popup, 'keypad');

  // History for the recent calls: the echo test, and a missed call from the demo customer.
  await dial(popup, ECHO_TEST);
  await agent.waitForSnapshot((s) => s.calls[0]?.state === 'active', 'echo test answered');
  await popup.waitForTimeout(2000);
  await popup.getByRole('button', { name: 'Hang up' }).click();
  await agent.waitForSnapshot((s) => s.calls.length === 0, 'echo test over');
  await caller.callAgent();
  await agent.waitForSnapshot((s) => s.calls[0]?.state === 'incoming', 'the missed call ringing');
  await popup.waitForTimeout(1500);
  await caller.callAgent();
  await agent.waitForSnapshot((s) => s.calls.length === 0, 'the missed call over');

  await popup.close();
  popup = await openPopup(agent);
  await caller.callAgent();
  const incoming = popup.getByRole('region', { name: 'Incoming call' });
  await incoming.waitFor();
  await shoot(agent, popup, 'incoming');

  await incoming.getByRole('button', { name: 'Answer' }).click();
  await agent.waitForSnapshot((s) => s.calls[0]?.state === 'active', 'the demo call answered');
  await popup.waitForTimeout(4200);
  await shoot(agent, popup, 'call');
  await popup.getByRole('button', { name: 'Hang up' }).click();
  await agent.waitForSnapshot((s) => s.calls.length === 0, 'the demo call over');

  await popup.close();
  popup = await openPopup(agent);
  await popup.getByRole('tab', { name: /Recent/ }).click();
  await popup.waitForTimeout(300);
  await shoot(agent, popup, 'recent');
}

mkdirSync(out, { recursive: true });
const built = spawnSync(join(root, 'node_modules', '.bin', 'vite'), ['build', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });
if (built.status !== 0) throw new Error('the build failed');
const pbx = await startDemoPbx();
let agent: Agent | undefined;
let caller: DemoCaller | undefined;
try {
  agent = await Agent.launch();
  caller = await DemoCaller.start(pbx);
  await run(pbx, agent, caller);
} finally {
  await caller?.close();
  await agent?.close();
  await pbx.stop();
}
