import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { KEEPALIVE_ANSWER_MS, KEEPALIVE_INTERVAL_MS, Keepalive } from '../../../src/offscreen/keepalive';
import { Registration } from '../../../src/offscreen/registration';
import { account, identity, ScriptedRegistrar } from './scriptedRegistrar';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('the keepalive', () => {
  test.each<[string, number | null, boolean]>([
    ['answered at once', 0, false],
    ['answered just in time', KEEPALIVE_ANSWER_MS - 1, false],
    ['answered too late', KEEPALIVE_ANSWER_MS + 1, true],
    ['never answered', null, true],
  ])('a ping %s: dead = %s', async (_, answerAfterMs, dead) => {
    let deaths = 0;
    const keepalive = new Keepalive(
      (answered) => {
        if (answerAfterMs !== null) setTimeout(answered, answerAfterMs);
      },
      () => deaths++,
    );
    keepalive.start();
    await vi.advanceTimersByTimeAsync(KEEPALIVE_INTERVAL_MS + KEEPALIVE_ANSWER_MS + 10);
    expect(deaths).toBe(dead ? 1 : 0);
    keepalive.stop();
  });

  test('pings every interval while answered, and not at all once stopped', async () => {
    let pings = 0;
    const keepalive = new Keepalive(
      (answered) => {
        pings++;
        answered();
      },
      () => undefined,
    );
    keepalive.start();
    await vi.advanceTimersByTimeAsync(3 * KEEPALIVE_INTERVAL_MS + 10);
    expect(pings).toBe(3);
    keepalive.stop();
    await vi.advanceTimersByTimeAsync(3 * KEEPALIVE_INTERVAL_MS);
    expect(pings).toBe(3);
  });
});

describe("the keepalive's OPTIONS over JsSIP", () => {
  // Many PBXs answer OPTIONS with an error (not allowed, not found): an answer all the same.
  test.each([
    [200, 'OK'],
    [404, 'Not Found'],
    [405, 'Method Not Allowed'],
    [500, 'Server Internal Error'],
  ])('an OPTIONS answered %i %s keeps the connection alive', async (status, reason) => {
    const registrar = new ScriptedRegistrar(undefined, { status, reason });
    let lost = 0;
    const registration = new Registration(
      account,
      identity,
      { state: () => undefined, incoming: () => undefined, voicemail: () => undefined, connectionLost: () => lost++ },
      registrar.socket,
      () => 0.5,
    );
    registration.start();
    await vi.advanceTimersByTimeAsync(4 * (KEEPALIVE_INTERVAL_MS + KEEPALIVE_ANSWER_MS));
    expect(registrar.seen.filter((r) => r.method === 'OPTIONS').length).toBeGreaterThanOrEqual(4);
    expect(lost).toBe(0);
    expect(registrar.connectionCount).toBe(1);
    registration.stop();
  });
});
