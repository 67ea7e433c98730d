import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { ViewGroups } from '../../../src/clicktocall/viewGroups';

function starts(tops: (number | null)[], reach = 100, maxSize = 50): number[] {
  const groups = new ViewGroups(reach, maxSize);
  return tops.flatMap((top, i) => (groups.startsGroup(top) ? [i] : []));
}

describe('ViewGroups', () => {
  test('rows of a table, 20 px apart, go in groups of 5 within 100 px', () => {
    expect(starts(Array.from({ length: 12 }, (_, i) => i * 20))).toEqual([0, 5, 10]);
  });

  test('a group is capped in size even when everything is on one line', () => {
    expect(
      starts(
        Array.from({ length: 7 }, () => 40),
        100,
        3,
      ),
    ).toEqual([0, 3, 6]);
  });

  test('a number above the group start (columns, floats) starts a group', () => {
    expect(starts([500, 520, 100, 120, 540])).toEqual([0, 2, 4]);
  });

  test('numbers without a box each start a group, and so does the one after them', () => {
    expect(starts([0, null, null, 10, 20])).toEqual([0, 1, 2, 3]);
  });

  test('every number lies within reach below its group start', () => {
    fc.assert(
      fc.property(fc.array(fc.option(fc.integer({ min: 0, max: 100_000 }), { nil: null }), { maxLength: 300 }), (tops) => {
        const groups = new ViewGroups(300, 40);
        let start: number | null = null;
        let size = 0;
        for (const top of tops) {
          if (groups.startsGroup(top)) {
            start = top;
            size = 1;
            continue;
          }
          size++;
          expect(top).not.toBeNull();
          expect(start).not.toBeNull();
          expect(top! - start!).toBeGreaterThanOrEqual(0);
          expect(top! - start!).toBeLessThan(300);
          expect(size).toBeLessThanOrEqual(40);
        }
      }),
    );
  });
});
