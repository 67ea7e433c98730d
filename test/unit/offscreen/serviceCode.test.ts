import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { applyCallEvent, newCall } from '../../../src/calls/callState';
import { type CallSnapshot, initialSnapshot, type SoftphoneSnapshot } from '../../../src/calls/snapshot';
import { dialServiceCode } from '../../../src/offscreen/serviceCode';
import type { Result } from '../../../src/protocol/api';
import { SERVICE_CALL_ANSWER_TIMEOUT_MS, SERVICE_CALL_MAX_TALK_MS } from '../../../src/queues';

/** A softphone whose one service-code call the test drives: the PBX answers and hangs up when told. */
class ScriptedPhone {
  private listeners = new Set<(s: SoftphoneSnapshot) => void>();
  private call: CallSnapshot = newCall('c1', 'outgoing', '*51', null, 0, 'service-code');
  private ended: ((r: Result<CallSnapshot>) => void) | null = null;
  hangups: { id: string; at: number }[] = [];

  subscribe(listener: (s: SoftphoneSnapshot) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
  callUntilEnded(): Promise<Result<CallSnapshot>> {
    return new Promise((resolve) => {
      this.ended = resolve;
      this.publish();
    });
  }
  hangup(id: string): Result {
    this.hangups.push({ id, at: Date.now() });
    this.end('local');
    return { ok: true, value: null };
  }
  answer(): void {
    this.call = applyCallEvent(this.call, { type: 'accepted', at: Date.now() });
    this.publish();
  }
  end(originator: 'local' | 'remote'): void {
    this.call = applyCallEvent(this.call, {
      type: 'ended',
      at: Date.now(),
      cause: this.call.answeredAt === null && originator === 'local' ? 'Canceled' : 'Terminated',
      originator,
    });
    this.ended?.({ ok: true, value: this.call });
  }
  private publish(): void {
    const snapshot = { ...initialSnapshot, calls: [this.call] };
    for (const listener of this.listeners) listener(snapshot);
  }
}

beforeEach(() => {
  vi.useFakeTimers({ now: 0 });
});
afterEach(() => {
  vi.useRealTimers();
});

type Script = (phone: ScriptedPhone) => void;
const at =
  (ms: number, step: Script): Script =>
  (phone) =>
    void setTimeout(() => step(phone), ms);

describe('service-code call limits', () => {
  test.each<[string, Script[], number | null, string]>([
    ['answered and ended by the PBX: nobody hangs up', [at(100, (p) => p.answer()), at(2100, (p) => p.end('remote'))], null, 'remote_hangup'],
    ['never answered: hung up after the answer timeout', [], SERVICE_CALL_ANSWER_TIMEOUT_MS, 'canceled'],
    ['answered but never ended: hung up after the talk limit', [at(500, (p) => p.answer())], 500 + SERVICE_CALL_MAX_TALK_MS, 'local_hangup'],
    [
      'answered just before the answer timeout: the talk limit applies',
      [at(SERVICE_CALL_ANSWER_TIMEOUT_MS - 1, (p) => p.answer()), at(SERVICE_CALL_ANSWER_TIMEOUT_MS + 2000, (p) => p.end('remote'))],
      null,
      'remote_hangup',
    ],
  ])('%s', async (_, script, hangupAt, endCode) => {
    const phone = new ScriptedPhone();
    for (const step of script) step(phone);
    const result = dialServiceCode(phone, '*51');
    await vi.runAllTimersAsync();
    const outcome = await result;
    expect(outcome.ok && outcome.value.end?.code).toBe(endCode);
    expect(phone.hangups.map((h) => h.at)).toEqual(hangupAt === null ? [] : [hangupAt]);
    expect(vi.getTimerCount()).toBe(0);
  });
});
