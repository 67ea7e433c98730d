import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import type { CallRecord } from '../../../src/aftercall/callRecord';
import {
  BACKOFF_MAX_MS,
  backoffMs,
  type DeliveryOutcome,
  due,
  newEntry,
  noteChanged,
  type OutboxEntry,
  RETRY_AFTER_MAX_MS,
  recover,
  retryAfterMs,
  settle,
  startSending,
  summarize,
  verdictOf,
} from '../../../src/aftercall/outbox';

function record(callId: string, version = 1): CallRecord {
  return {
    event: version === 1 ? 'call.ended' : 'call.updated',
    callId,
    version,
    idempotencyKey: `${callId}:${version}`,
    direction: 'incoming',
    otherParty: { number: '102', name: null, contactName: null },
    callerId: null,
    queue: null,
    startedAt: '2026-01-01T00:00:00.000Z',
    answeredAt: null,
    endedAt: '2026-01-01T00:00:10.000Z',
    durationSeconds: 0,
    endReason: 'caller_canceled',
    notes: '',
    disposition: null,
    agent: '101@pbx.test',
  };
}

const half = () => 1;

describe('outbox verdicts', () => {
  test.each<[DeliveryOutcome, string]>([
    [{ kind: 'http', status: 200 }, 'delivered'],
    [{ kind: 'http', status: 201 }, 'delivered'],
    [{ kind: 'http', status: 204 }, 'delivered'],
    [{ kind: 'http', status: 500 }, 'retry'],
    [{ kind: 'http', status: 503 }, 'retry'],
    [{ kind: 'http', status: 429 }, 'retry'],
    [{ kind: 'http', status: 408 }, 'retry'],
    [{ kind: 'http', status: 400 }, 'rejected'],
    [{ kind: 'http', status: 401 }, 'rejected'],
    [{ kind: 'http', status: 404 }, 'rejected'],
    [{ kind: 'http', status: 422 }, 'rejected'],
    [{ kind: 'http', status: 302 }, 'rejected'],
    [{ kind: 'network' }, 'retry'],
    [{ kind: 'timeout' }, 'retry'],
  ])('%o is %s', (outcome, verdict) => {
    expect(verdictOf(outcome)).toBe(verdict);
  });
});

describe('Retry-After and backoff', () => {
  const now = Date.parse('2026-01-01T12:00:00Z');
  test.each<[string | null, number | null]>([
    ['5', 5000],
    [' 120 ', 120_000],
    ['0', 0],
    ['99999999', RETRY_AFTER_MAX_MS],
    ['Thu, 01 Jan 2026 12:00:30 GMT', 30_000],
    ['Thu, 01 Jan 2026 11:00:00 GMT', 0],
    ['soon', null],
    ['-5', null],
    ['1.5', null],
    ['', null],
    [null, null],
  ])('Retry-After %o waits %o ms', (header, ms) => {
    expect(retryAfterMs(header, now)).toBe(ms);
  });

  test('backoff doubles from 2 s to 5 min, with jitter between half and all of it', () => {
    expect([1, 2, 3, 4, 10, 50].map((n) => backoffMs(n, half))).toEqual([2000, 4000, 8000, 16_000, BACKOFF_MAX_MS, BACKOFF_MAX_MS]);
    expect(backoffMs(1, () => 0)).toBe(1000);
  });

  test('any header reads as a wait between 0 and an hour, or as none', () => {
    fc.assert(
      fc.property(fc.string(), fc.integer({ min: 0, max: 4_000_000_000_000 }), (header, at) => {
        const ms = retryAfterMs(header, at);
        return ms === null || (ms >= 0 && ms <= RETRY_AFTER_MAX_MS);
      }),
    );
  });
});

describe('outbox transitions', () => {
  const now = 1_000_000;
  test('a 2xx removes the entry; a 5xx retries after the backoff; a 429 after its Retry-After; a 400 is rejected for good', () => {
    const entry = startSending(newEntry(record('a'), now));
    expect(settle(entry, { kind: 'http', status: 200 }, now)).toBeNull();
    expect(settle(entry, { kind: 'http', status: 500 }, now, half)).toMatchObject({
      status: 'pending',
      attempts: 1,
      nextAttemptAt: now + 2000,
      problem: { kind: 'http', status: 500 },
    });
    expect(settle(entry, { kind: 'http', status: 429, retryAfter: '7' }, now, half)).toMatchObject({ status: 'pending', nextAttemptAt: now + 7000 });
    expect(settle(entry, { kind: 'http', status: 400 }, now)).toMatchObject({ status: 'rejected', problem: { kind: 'http', status: 400 } });
    expect(settle(entry, { kind: 'network' }, now, half)).toMatchObject({ status: 'pending', problem: { kind: 'network' } });
  });

  test('what was being sent when the browser stopped is due again at once, with its key', () => {
    const sending = startSending({ ...newEntry(record('a'), now), nextAttemptAt: now + 50_000 });
    expect(recover([sending], now + 10)).toEqual([{ ...sending, status: 'pending', nextAttemptAt: now + 10 }]);
  });

  test('an update never overtakes the record it updates; rejected entries block nothing', () => {
    const first = newEntry(record('a', 1), now);
    const update = newEntry(record('a', 2), now + 1);
    const other = newEntry(record('b', 1), now + 2);
    expect(due([update, first, other], now + 10).map((e) => e.key)).toEqual(['a:1', 'b:1']);
    expect(due([update, startSending(first), other], now + 10).map((e) => e.key)).toEqual(['b:1']);
    expect(due([update, { ...first, status: 'rejected' }], now + 10).map((e) => e.key)).toEqual(['a:2']);
    expect(due([first, other], now + 10, 1).map((e) => e.key)).toEqual(['a:1']);
    expect(due([{ ...first, nextAttemptAt: now + 100 }], now + 10)).toEqual([]);
  });

  test('notes changed before the first try amend it; after a try they queue the next version, sent once typing stops', () => {
    const first = newEntry(record('a', 1), now);
    const amended = noteChanged([first], first.record, { notes: 'hello', disposition: null }, now + 5);
    expect(amended.entry).toMatchObject({ key: 'a:1', record: { notes: 'hello', version: 1 }, nextAttemptAt: now });
    const tried = { ...first, attempts: 1 };
    const queued = noteChanged([tried], tried.record, { notes: 'hello', disposition: 'Sale' }, now + 5);
    expect(queued.entry).toMatchObject({
      key: 'a:2',
      record: { event: 'call.updated', version: 2, notes: 'hello', disposition: 'Sale' },
      nextAttemptAt: now + 3005,
    });
    expect(queued.latest.version).toBe(2);
    // Typing goes on: the same untried update is amended, and waits again.
    const again = noteChanged([tried, queued.entry as OutboxEntry], queued.latest, { notes: 'hello!', disposition: 'Sale' }, now + 1000);
    expect(again.entry).toMatchObject({ key: 'a:2', record: { notes: 'hello!' }, nextAttemptAt: now + 4000 });
    expect(noteChanged([], queued.latest, { notes: 'hello', disposition: 'Sale' }, now).entry).toBeNull();
  });

  test('the summary counts waiting and rejected records and names the last problem', () => {
    const a = settle(startSending(newEntry(record('a'), now)), { kind: 'http', status: 503 }, now, half) as OutboxEntry;
    const b = settle(startSending(newEntry(record('b'), now)), { kind: 'http', status: 400 }, now) as OutboxEntry;
    const c = newEntry(record('c'), now);
    expect(summarize([a, b, c])).toEqual({ waiting: 2, rejected: 1, problem: { kind: 'http', status: 503 }, nextAttemptAt: now });
  });
});

const outcome = fc.oneof(
  fc.integer({ min: 100, max: 599 }).map((status): DeliveryOutcome => ({ kind: 'http', status, retryAfter: null })),
  fc.record({ kind: fc.constant('http' as const), status: fc.constant(429), retryAfter: fc.option(fc.string()) }),
  fc.constantFrom<DeliveryOutcome>({ kind: 'network' }, { kind: 'timeout' }),
);

describe('outbox properties', () => {
  test('whatever the receiver answers, each record is delivered at most once, versions in order, and none is lost', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 6 }), fc.array(fc.tuple(outcome, fc.boolean()), { minLength: 1, maxLength: 80 }), (calls, answers) => {
        let now = 0;
        let entries: OutboxEntry[] = [];
        for (let c = 0; c < calls; c++) {
          entries.push(newEntry(record(`c${c}`, 1), now));
          entries.push(newEntry(record(`c${c}`, 2), now));
        }
        const all = new Set(entries.map((e) => e.key));
        const delivered: string[] = [];
        for (const [answer, restart] of answers) {
          if (restart)
            entries = recover(
              entries.map((e) => (e.status === 'pending' ? e : e)),
              now,
            );
          const next = due(entries, now, 1)[0];
          now += 1;
          if (!next) {
            now += BACKOFF_MAX_MS + RETRY_AFTER_MAX_MS;
            continue;
          }
          const sending = startSending(next);
          entries = entries.map((e) => (e.key === next.key ? sending : e));
          if (restart) continue; // the browser stops mid-delivery: no answer is read
          const after = settle(sending, answer, now);
          if (after === null) delivered.push(next.key);
          entries = entries.flatMap((e) => (e.key !== next.key ? [e] : after ? [after] : []));
        }
        // Each key reaches the receiver's store once, an update only after its call's record.
        expect(new Set(delivered).size).toBe(delivered.length);
        for (const key of delivered) {
          const [call, version] = key.split(':');
          if (version === '2') expect(delivered.indexOf(`${call}:1`) === -1 || delivered.indexOf(`${call}:1`) < delivered.indexOf(key)).toBe(true);
        }
        // Nothing vanishes: every record is delivered, still waiting, or rejected and kept.
        for (const key of all) expect(delivered.includes(key) || entries.some((e) => e.key === key)).toBe(true);
        for (const e of entries)
          if (e.status === 'rejected') expect(verdictOf({ kind: 'http', status: (e.problem as { status: number }).status })).toBe('rejected');
      }),
    );
  });
});
