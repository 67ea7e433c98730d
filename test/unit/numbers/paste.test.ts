import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { cleanPastedNumber } from '../../../src/numbers/paste';

describe('pasting a number', () => {
  test.each([
    ['+32 (0)2 555.12.34', '+3225551234'],
    ['0044 20 7946 0958', '+442079460958'],
    ['(0044) 20-7946-0958', '+442079460958'],
    ['02/555 12 34', '025551234'],
    ['tel:+33612345678', '+33612345678'],
    [' 102 ', '102'],
    ['*51', '*51'],
    ['call me maybe', 'call me maybe'],
  ])('%j becomes %j', (pasted, shown) => {
    expect(cleanPastedNumber(pasted)).toBe(shown);
  });

  test('never throws', () => {
    fc.assert(fc.property(fc.string({ maxLength: 200 }), (text) => typeof cleanPastedNumber(text) === 'string'));
  });
});
