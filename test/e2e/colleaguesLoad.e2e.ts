import { expect, test } from 'vitest';
import { usePbx } from './harness/phone';

/** A PBX that grants subscriptions for 60 s only, so that refreshes happen within the test. */
const phone = usePbx({ presence: { maxExpires: 60 } });
const WATCH_MS = 150_000;

test("subscriptions are refreshed before they expire, and the PBX's load per agent is counted", { timeout: WATCH_MS + 90_000 }, async () => {
  const carol = await phone.desks.registered('103');
  const started = Date.now();
  const settings = { colleagues: ['101', '102', '104'].map((extension, i) => ({ name: `Colleague ${i + 1}`, extension })), quickCalls: [], pickupCode: '' };
  expect(await carol.command('saveColleagueSettings', { settings })).toEqual({ ok: true });
  await carol.waitForSnapshot((s) => Object.values(s.colleagues ?? {}).filter((c) => c.state === 'idle').length === 3, 'three colleagues free');
  await new Promise((r) => setTimeout(r, WATCH_MS));
  // Still known after two and a half lifetimes of a subscription: each was refreshed in time.
  const snapshot = await carol.snapshot();
  expect(Object.values(snapshot.colleagues ?? {}).map((c) => c.state)).toEqual(['idle', 'idle', 'idle']);

  const minutes = (Date.now() - started) / 60_000;
  const lines = phone.pbx.logLines(started);
  const refreshes = lines.filter((l) => /REQ SUBSCRIBE sip:presence@/.test(l)).length;
  // Every SUBSCRIBE the agent sent but its own voicemail one (sip:103@), challenged first tries included.
  const subscribes = lines.filter((l) => /REQ SUBSCRIBE /.test(l) && !/REQ SUBSCRIBE sip:103@/.test(l)).length;
  const notifies = lines.filter((l) => /LOCAL NOTIFY from \S+ to 103 /.test(l)).length;
  console.info(`over ${minutes.toFixed(1)} min, 3 colleagues, subscriptions of 60 s: ${subscribes} SUBSCRIBE (${refreshes} refreshes), ${notifies} NOTIFY`);
  // 60 s subscriptions are refreshed 5 s before they end: at least two refreshes each in 150 s.
  expect(refreshes).toBeGreaterThanOrEqual(6);
  expect(notifies).toBeGreaterThanOrEqual(refreshes);
});
