import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runSliced, runToEnd, type Steps, sortSteps } from '../../../src/contacts/slices';

function* counting(total: number, log: number[]): Steps<number> {
  for (let i = 0; i < total; i++) {
    log.push(i);
    yield;
  }
  return total;
}

describe('sortSteps', () => {
  it('sorts like a stable Array.prototype.sort, ties in their first order, whatever the length', () => {
    fc.assert(
      fc.property(fc.array(fc.record({ key: fc.integer({ min: 0, max: 20 }), at: fc.nat() }), { maxLength: 3000 }), (items) => {
        const compare = (a: { key: number }, b: { key: number }) => a.key - b.key;
        expect(runToEnd(sortSteps(items, compare))).toEqual(items.slice().sort(compare));
      }),
      { numRuns: 60 },
    );
  });

  it('leaves the array it was given as it was', () => {
    const items = [3, 1, 2];
    runToEnd(sortSteps(items, (a, b) => a - b));
    expect(items).toEqual([3, 1, 2]);
  });
});

describe('runSliced', () => {
  it('runs the steps to the end, pausing once a slice has run its time', async () => {
    let clock = 0;
    const log: number[] = [];
    const steps = counting(10, log);
    const running = runSliced(
      steps,
      3,
      () => false,
      () => clock++,
    );
    // The first slice runs synchronously until the clock passes 3 ms.
    expect(log.length).toBeGreaterThan(0);
    expect(log.length).toBeLessThan(10);
    expect(await running).toBe(10);
    expect(log).toHaveLength(10);
  });

  it('stops between two slices once cancelled, and says so with null', async () => {
    let clock = 0;
    const log: number[] = [];
    let cancelled = false;
    const running = runSliced(
      counting(100, log),
      2,
      () => cancelled,
      () => clock++,
    );
    cancelled = true;
    expect(await running).toBeNull();
    expect(log.length).toBeLessThan(100);
  });
});
