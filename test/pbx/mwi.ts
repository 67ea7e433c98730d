import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TestPbx } from './pbx';
import { freePort } from './ports';

const here = dirname(fileURLToPath(import.meta.url));

/** Plays the PBX's voicemail server: one message-summary NOTIFY to `user`, through the proxy. */
export async function sendMessageSummary(pbx: TestPbx, user: string, newMessages: number, oldMessages = 0): Promise<void> {
  const args = [
    `127.0.0.1:${pbx.sipPort}`,
    '-sf', join(here, 'mwi-notify.xml'),
    '-s', user,
    '-key', 'domain', pbx.domain,
    '-key', 'waiting', newMessages > 0 ? 'yes' : 'no',
    '-key', 'new', String(newMessages),
    '-key', 'old', String(oldMessages),
    '-i', '127.0.0.1',
    '-p', String(await freePort()),
    '-t', 'u1',
    '-m', '1',
    '-nostdin',
    '-timeout', '10s',
    '-timeout_error',
  ];
  const child = spawn('sipp', args, { stdio: 'ignore' });
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
  if (code !== 0) throw new Error(`sipp NOTIFY to ${user} failed (exit ${code})`);
}
