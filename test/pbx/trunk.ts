import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, isAbsolute, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TestPbx } from './pbx';
import { freePort } from './ports';

const here = dirname(fileURLToPath(import.meta.url));

/**
 * `calls` external callers dial `user` at the same moment over the carrier trunk; those that ring
 * hang up after `ringMs`. Resolves when every call is over.
 */
export interface TrunkCall {
  /** The caller's display name as it arrives in From. */
  callerName?: string;
  /** The offered media type: 'audio', or e.g. 'video' for an offer the softphone cannot answer. */
  media?: string;
  /** The caller's number, whatever it is (e.g. a feature code); otherwise +3225550N for the N-th call. */
  from?: string;
}

/** trunk-caller.xml, or a copy of it calling from `from` (`#` written %23 in a SIP URI, RFC 3261 25.1). */
function callerScenario(from: string | undefined): string {
  if (from === undefined) return 'trunk-caller.xml';
  const scenario = join(mkdtempSync(join(tmpdir(), 'voip-caller-')), 'caller.xml');
  const trunkCaller = readFileSync(join(here, 'trunk-caller.xml'), 'utf8');
  writeFileSync(scenario, trunkCaller.replaceAll('sip:+3225550[call_number]@carrier.test', `sip:${from.replaceAll('#', '%23')}@carrier.test`));
  return scenario;
}

export async function callFromTrunk(pbx: TestPbx, user: string, calls: number, ringMs: number, call: TrunkCall = {}): Promise<void> {
  const args = [
    ...(await carrierArgs(pbx, callerScenario(call.from), user, ringMs)),
    '-key',
    'caller_name',
    call.callerName ?? 'Carrier caller',
    '-key',
    'media',
    call.media ?? 'audio',
    '-m',
    String(calls),
    '-l',
    String(calls),
    '-r',
    String(calls * 10),
    '-timeout',
    `${Math.ceil(ringMs / 1000) + 20}s`,
  ];
  await runSipp(args, `sipp trunk calls to ${user} did not all complete`);
}

/**
 * A carrier caller calls `user`, waits up to 20 s for the answer, then sends re-INVITEs the
 * softphone cannot take, waits `holdMs`, and sends an offerless re-INVITE whose answer it never
 * gives (see trunk-reinvite.xml). Resolves when the softphone has ended the call with BYE.
 */
export async function reinvitingCallFromTrunk(pbx: TestPbx, user: string, holdMs: number): Promise<void> {
  const args = [...(await carrierArgs(pbx, 'trunk-reinvite.xml', user, holdMs)), '-m', '1', '-timeout', `${Math.ceil(holdMs / 1000) + 60}s`];
  await runSipp(args, `the re-INVITing trunk call to ${user} did not go as expected`);
}

/**
 * A carrier caller calls `user`, waits up to 20 s for the answer and `pauseMs` more, then sends
 * REFERs that must be refused at once (see trunk-refer.xml), and hangs up.
 */
export async function referringCallFromTrunk(pbx: TestPbx, user: string, pauseMs: number): Promise<void> {
  const args = [...(await carrierArgs(pbx, 'trunk-refer.xml', user, pauseMs)), '-m', '1', '-timeout', `${Math.ceil(pauseMs / 1000) + 40}s`];
  await runSipp(args, `the REFERring trunk call to ${user} did not go as expected`);
}

/**
 * A carrier caller calls `user`, waits up to 20 s for the answer and `pauseMs` more, sends 300
 * INFOs in the call (relayed DTMF and picture updates, each once the last was answered), then
 * waits up to 60 s for the agent to hang up (see trunk-info.xml). Resolves when the agent has hung
 * up; rejects if an INFO went unanswered or the call ended otherwise.
 */
export async function infoFloodFromTrunk(pbx: TestPbx, user: string, pauseMs: number): Promise<void> {
  const args = [...(await carrierArgs(pbx, 'trunk-info.xml', user, pauseMs)), '-base_cseq', '2', '-m', '1', '-timeout', `${Math.ceil(pauseMs / 1000) + 120}s`];
  await runSipp(args, `the INFO-flooding trunk call to ${user} did not go as expected`);
}

/** A carrier INVITE that claims to replace a call that does not exist: it must be refused with 481 (see trunk-replaces.xml). */
export async function ghostReplacesFromTrunk(pbx: TestPbx, user: string): Promise<void> {
  const args = [...(await carrierArgs(pbx, 'trunk-replaces.xml', user, 0)), '-m', '1', '-timeout', '15s'];
  await runSipp(args, `the Replaces INVITE to ${user} was not refused with 481`);
}

/** sipp as the carrier: `scenario` (of test/pbx, or a path) towards `user` over UDP from the trunk port, `pauseMs` for its <pause/>. */
async function carrierArgs(pbx: TestPbx, scenario: string, user: string, pauseMs: number): Promise<string[]> {
  return [
    `127.0.0.1:${pbx.sipPort}`,
    '-sf',
    isAbsolute(scenario) ? scenario : join(here, scenario),
    '-s',
    user,
    '-key',
    'domain',
    pbx.domain,
    '-d',
    String(pauseMs),
    '-i',
    '127.0.0.1',
    '-p',
    String(pbx.trunkPort),
    '-mp',
    String(await freePort()),
    '-t',
    'u1',
    '-nostdin',
  ];
}

async function runSipp(args: string[], failure: string): Promise<void> {
  const errors = join(mkdtempSync(join(tmpdir(), 'voip-trunk-')), 'errors.log');
  const child = spawn('sipp', [...args, '-trace_err', '-error_file', errors], { stdio: 'ignore' });
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
  if (code !== 0) {
    const detail = existsSync(errors) ? readFileSync(errors, 'utf8').slice(-2000) : '';
    throw new Error(`${failure} (sipp exit ${code})\n${detail}`);
  }
}
