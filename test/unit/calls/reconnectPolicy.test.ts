import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { RECONNECT_CAP_MS, reconnectDelayMs } from '../../../src/calls/reconnectPolicy';

describe('reconnect delay', () => {
  test.each([
    [1, 0, 500],
    [1, 0.999, 1000],
    [2, 0, 1000],
    [3, 0, 2000],
    [4, 0.5, 6000],
    [7, 0, 30_000],
    [7, 0.999, 59_970],
    [20, 0, 30_000],
  ])('attempt %i with random %f waits %i ms', (attempt, random, expected) => {
    expect(reconnectDelayMs(attempt, random)).toBeCloseTo(expected, -2);
  });

  test('doubles, never exceeds the cap, and never goes below half of its window', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 100 }), fc.double({ min: 0, max: 0.999999, noNaN: true }), (attempt, random) => {
        const delay = reconnectDelayMs(attempt, random);
        const ceiling = Math.min(RECONNECT_CAP_MS, 1000 * 2 ** (attempt - 1));
        expect(delay).toBeGreaterThanOrEqual(ceiling / 2 - 1);
        expect(delay).toBeLessThanOrEqual(RECONNECT_CAP_MS);
      }),
    );
  });
});
