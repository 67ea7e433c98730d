import fc from 'fast-check';
import type { CountryCode } from 'libphonenumber-js/min';
import { describe, expect, test } from 'vitest';
import { readableNumber } from '../../../src/numbers/readable';

describe('readableNumber', () => {
  test.each<[string, CountryCode | null, string]>([
    ['+3225550103', null, '+32 2 555 01 03'],
    ['+3225550103', 'BE', '+32 2 555 01 03'],
    ['+33612345678', 'BE', '+33 6 12 34 56 78'],
    ['025550103', 'BE', '02 555 01 03'],
    ['0612345678', 'FR', '06 12 34 56 78'],
    ['025550103', null, '025550103'],
    ['103', 'BE', '103'],
    ['112', 'BE', '112'],
    ['+12', null, '+12'],
    ['0000000000', 'BE', '0000000000'],
    ['*21*103#', 'BE', '*21*103#'],
    ['', 'BE', ''],
  ])('%s in %s reads %s', (number, country, expected) => {
    expect(readableNumber(number, country)).toBe(expected);
  });

  test('only adds spaces: the digits, and their order, are those received', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\+?\d{0,18}$/), fc.constantFrom<CountryCode | null>(null, 'BE', 'FR', 'US', 'GB'), (number, country) => {
        expect(readableNumber(number, country).replace(/ /g, '')).toBe(number);
      }),
    );
  });
});
