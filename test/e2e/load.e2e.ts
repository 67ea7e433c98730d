import { describe, expect, test } from 'vitest';
import type { SoftphoneDiagnostics } from '../../src/protocol/softphone';
import { callFromTrunk } from '../pbx/trunk';
import type { Agent } from './harness/browser';
import { dial, usePbx } from './harness/phone';

const env = usePbx();

const SOAK_CALLS = Number(process.env.SOAK_CALLS ?? 200);
/**
 * SIP keeps each INVITE transaction for 64*T1 = 32 s after its 2xx (RFC 6026), so the heap is
 * compared once those have drained, after the first 10 calls and after the last.
 */
const TRANSACTIONS_DRAIN_MS = 35_000;

async function heapBytes(agent: Agent): Promise<number> {
  const { jsHeapUsedBytes } = await agent.command<SoftphoneDiagnostics>('diagnostics');
  if (jsHeapUsedBytes === null) throw new Error('no heap figure');
  return jsHeapUsedBytes;
}

/** One complete call through the protocol: alice dials, bob answers, both talk, alice hangs up. */
async function oneCall(alice: Agent, bob: Agent, n: number): Promise<void> {
  const placed = await alice.command<{ ok: boolean; value: { callId: string } }>('call', { target: '102' });
  if (!placed.ok) throw new Error(`call ${n} refused: ${JSON.stringify(placed)}`);
  const ringing = await bob.waitForSnapshot((s) => s.calls[0]?.state === 'incoming', `call ${n} ringing`);
  await bob.command('answer', { callId: ringing.calls[0]!.id });
  await alice.waitForSnapshot((s) => s.calls[0]?.state === 'active', `call ${n} confirmed`);
  await alice.command('hangup', { callId: placed.value.callId });
  await alice.waitForSnapshot((s) => s.calls.length === 0 && s.lastEndedCall?.id === placed.value.callId, `call ${n} ended`);
  await bob.waitForSnapshot((s) => s.calls.length === 0, `call ${n} ended for bob`);
}

describe('load', () => {
  test('five calls arrive at once: one rings, call waiting takes the second, the rest hear busy, nothing hangs', async () => {
    const alice = await env.desks.registered('101');
    const since = Date.now();
    const calls = callFromTrunk(env.pbx, '101', 5, 3000);
    const ringing = await alice.waitForSnapshot((s) => s.calls.length === 2, 'two calls ringing');
    expect(ringing.calls.map((c) => c.state)).toEqual(['incoming', 'incoming']);
    await calls;
    const busy = env.pbx.logLines(since).filter((l) => /REPLY 486 .* for INVITE/.test(l));
    expect(busy).toHaveLength(3);
    await alice.waitForSnapshot((s) => s.calls.length === 0, 'both ringing calls over');

    const bob = await env.desks.registered('102');
    const bobPopup = await bob.openPopup();
    await dial(bobPopup, '101');
    await alice.waitForSnapshot((s) => s.calls[0]?.state === 'incoming', 'alice rings again');
  });

  test(`soak: ${SOAK_CALLS} calls in a row all connect and end, and the softphone's heap stays flat`, {
    timeout: SOAK_CALLS * 3000 + 2 * TRANSACTIONS_DRAIN_MS + 60_000,
  }, async () => {
    const alice = await env.desks.registered('101');
    const bob = await env.desks.registered('102');
    for (let n = 1; n <= 10; n++) await oneCall(alice, bob, n);
    await new Promise((r) => setTimeout(r, TRANSACTIONS_DRAIN_MS));
    const after10 = await heapBytes(alice);
    const startedAt = Date.now();
    for (let n = 11; n <= SOAK_CALLS; n++) await oneCall(alice, bob, n);
    const perCallMs = (Date.now() - startedAt) / Math.max(1, SOAK_CALLS - 10);
    await new Promise((r) => setTimeout(r, TRANSACTIONS_DRAIN_MS));
    const afterAll = await heapBytes(alice);
    console.log(
      `soak: heap after 10 calls ${(after10 / 1e6).toFixed(2)} MB, after ${SOAK_CALLS} ${(afterAll / 1e6).toFixed(2)} MB (${((afterAll / after10 - 1) * 100).toFixed(1)}%), ${perCallMs.toFixed(0)} ms a call`,
    );
    expect(afterAll).toBeLessThan(after10 * 1.2);
  });
});
