import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import type { TestPbx } from '../pbx/pbx';
import { freePort } from '../pbx/ports';
import { callFromTrunk } from '../pbx/trunk';
import { badgeText, dial, usePbx } from './harness/phone';

const env = usePbx();

/**
 * A carrier caller whose number is `from`, whatever it is (the test PBX's trunk callers have
 * +3225550N): the trunk-caller scenario with another From, run as the trunk tests run it.
 */
async function callFrom(pbx: TestPbx, from: string, user: string, ringMs: number, callerName: string): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'voip-caller-'));
  const scenario = join(dir, 'caller.xml');
  const trunkCaller = readFileSync(new URL('../pbx/trunk-caller.xml', import.meta.url), 'utf8');
  // In a SIP URI `#` is written %23 (RFC 3261, 25.1).
  writeFileSync(scenario, trunkCaller.replaceAll('sip:+3225550[call_number]@carrier.test', `sip:${from.replaceAll('#', '%23')}@carrier.test`));
  const args = [
    `127.0.0.1:${pbx.sipPort}`,
    '-sf',
    scenario,
    '-s',
    user,
    '-key',
    'domain',
    pbx.domain,
    '-key',
    'caller_name',
    callerName,
    '-key',
    'media',
    'audio',
  ];
  args.push(
    '-d',
    String(ringMs),
    '-i',
    '127.0.0.1',
    '-p',
    String(pbx.trunkPort),
    '-mp',
    String(await freePort()),
    '-t',
    'u1',
    '-nostdin',
    '-m',
    '1',
    '-timeout',
    '30s',
  );
  const errors = join(dir, 'errors.log');
  const child = spawn('sipp', [...args, '-trace_err', '-error_file', errors], { stdio: 'ignore' });
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
  if (code !== 0)
    throw new Error(`the call from ${from} did not go as expected (sipp exit ${code})\n${existsSync(errors) ? readFileSync(errors, 'utf8').slice(-2000) : ''}`);
}

describe('recent calls', () => {
  test('calls are listed, missed ones counted until seen, kept across a browser restart, and redialled with a click', async () => {
    const alice = await env.desks.registered('101');
    const bob = await env.desks.registered('102');
    const [alicePopup, bobPopup] = await Promise.all([alice.openPopup(), bob.openPopup()]);

    await dial(alicePopup, '102');
    await bobPopup.getByRole('region', { name: 'Incoming call' }).getByRole('button', { name: 'Answer' }).click();
    await alice.waitForSnapshot((s) => s.calls[0]?.state === 'active', 'talking');
    await alicePopup.getByRole('button', { name: 'Hang up' }).click();
    await alicePopup.close();
    await callFromTrunk(env.pbx, '101', 1, 1000, { callerName: 'Customer' });
    await alice.waitForSnapshot((s) => s.calls.length === 0 && s.lastEndedCall?.remoteName === 'Customer', 'missed call over');
    await expect.poll(() => badgeText(alice)).toBe('1');

    await alice.restart();
    await alice.waitUntilRegistered();
    await expect.poll(() => badgeText(alice)).toBe('1');
    const popup = await alice.openPopup();
    const recentTab = popup.getByRole('tab', { name: /Recent/ });
    await expect.poll(() => recentTab.textContent()).toBe('Recent1');
    await recentTab.click();
    const list = popup.getByRole('list', { name: 'Recent calls' });
    await expect.poll(() => list.getByRole('listitem').count()).toBe(2);
    await expect.poll(() => list.getByRole('listitem').first().textContent()).toContain('Customer');
    await expect(list.getByRole('img', { name: 'Missed' }).count()).resolves.toBe(1);
    await expect(list.getByRole('img', { name: 'Outgoing' }).count()).resolves.toBe(1);
    await expect.poll(() => badgeText(alice)).toBe('');

    await list.getByRole('button', { name: 'Call 102' }).click();
    await bob.waitForSnapshot((s) => s.calls[0]?.state === 'incoming' && s.calls[0].remoteNumber === '101', 'bob rings again');
  });

  test('the list can be cleared after a confirmation', async () => {
    const alice = await env.desks.registered('101');
    await callFromTrunk(env.pbx, '101', 1, 500);
    await alice.waitForSnapshot((s) => s.lastEndedCall !== null, 'a call logged');
    const popup = await alice.openPopup();
    await popup.getByRole('tab', { name: /Recent/ }).click();
    await popup.getByRole('button', { name: 'Clear recent calls' }).click();
    await popup.getByRole('button', { name: 'Clear all recent calls' }).click();
    await expect.poll(() => popup.getByText('No calls yet').isVisible()).toBe(true);
  });

  test('a damaged stored list does not blank the popup: a null list reads as no calls', async () => {
    const alice = await env.desks.registered('101');
    await (await alice.serviceWorker()).evaluate(() => chrome.storage.local.set({ recentCalls: null }));
    const popup = await alice.openPopup();
    await expect.poll(() => popup.getByRole('textbox', { name: 'Number to call' }).count()).toBe(1);
    await popup.getByRole('tab', { name: /Recent/ }).click();
    await expect.poll(() => popup.getByText('No calls yet').isVisible()).toBe(true);
  });

  test('calling back a feature code the caller chose (*21*…#, call forwarding) asks first, and Cancel dials nothing', async () => {
    const alice = await env.desks.registered('101');
    const code = '*21*0470000000#';
    await callFrom(env.pbx, code, '101', 500, 'Mallory');
    await alice.waitForSnapshot((s) => s.calls.length === 0 && s.lastEndedCall?.remoteNumber === code, 'the missed call logged');
    const popup = await alice.openPopup();
    await popup.getByRole('tab', { name: /Recent/ }).click();
    const since = Date.now();
    const callBack = popup.getByRole('button', { name: 'Call Mallory' });
    await callBack.click();
    const question = popup.getByRole('alert').filter({ hasText: 'is a feature code the caller chose' });
    await expect.poll(() => question.count()).toBe(1);
    expect(await question.textContent()).toContain(code);
    await question.getByRole('button', { name: 'Cancel' }).click();
    await expect.poll(() => question.count()).toBe(0);
    await popup.waitForTimeout(1000);
    expect(env.pbx.requests(since).filter((r) => r.method === 'INVITE')).toEqual([]);
    expect((await alice.snapshot()).calls).toEqual([]);

    // Asked, and confirmed: then it is dialled.
    await callBack.click();
    await question.getByRole('button', { name: `Dial ${code} anyway` }).click();
    await env.pbx.waitForRequest('INVITE', /^sip:\*21\*0470000000/, { since });
    await alice.waitForSnapshot((s) => s.calls.length === 0, 'the feature code call over');
  });
});
