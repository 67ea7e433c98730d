import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TestPbx } from './pbx';
import { freePort } from './ports';

const here = dirname(fileURLToPath(import.meta.url));

/** Plays the PBX's voicemail server: one message-summary NOTIFY to `user`, through the proxy. */
export async function sendMessageSummary(pbx: TestPbx, user: string, newMessages: number, oldMessages = 0): Promise<void> {
  await notify(pbx, user, newMessages, oldMessages, ['-m', '1']);
}

/**
 * A flood: `count` NOTIFYs to `user` as fast as they are answered (one after the other), the n-th
 * saying n new messages.
 */
export async function sendMessageSummaries(pbx: TestPbx, user: string, count: number): Promise<void> {
  // sipp does not expand its keywords in -key values: the scenario itself counts.
  const scenario = join(mkdtempSync(join(tmpdir(), 'voip-mwi-')), 'mwi-flood.xml');
  writeFileSync(scenario, readFileSync(join(here, 'mwi-notify.xml'), 'utf8').replace('[new]/', '[call_number]/'));
  await notify(pbx, user, 1, 0, ['-m', String(count), '-l', '1', '-r', '1000'], scenario);
}

async function notify(
  pbx: TestPbx,
  user: string,
  newMessages: number,
  oldMessages: number,
  calls: string[],
  scenario = join(here, 'mwi-notify.xml'),
): Promise<void> {
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
    'waiting',
    newMessages === 0 ? 'no' : 'yes',
    '-key',
    'new',
    String(newMessages),
    '-key',
    'old',
    String(oldMessages),
    '-i',
    '127.0.0.1',
    '-p',
    String(await freePort()),
    '-t',
    'u1',
    ...calls,
    '-nostdin',
    '-timeout',
    '10s',
    '-timeout_error',
  ];
  const child = spawn('sipp', args, { stdio: 'ignore' });
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
  if (code !== 0) throw new Error(`sipp NOTIFY to ${user} failed (exit ${code})`);
}
