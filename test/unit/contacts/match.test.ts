import fc from 'fast-check';
import { parsePhoneNumberFromString } from 'libphonenumber-js/min';
import { describe, expect, it } from 'vitest';
import { normalizeNumber } from '../../../src/callerid/numbers';
import { numberKey } from '../../../src/contacts/match';

describe('numberKey', () => {
  it.each([
    ['+32 2 555 12 34', 'BE', '+3225551234'],
    ['0032 2 555 12 34', 'BE', '+3225551234'],
    ['02 555 12 34', 'BE', '+3225551234'],
    ['02/555.12.34', 'BE', '+3225551234'],
    ['(02) 555-12-34', 'BE', '+3225551234'],
    ['+32\u00a02\u00a0555\u00a012\u00a034', null, '+3225551234'],
    ['0470 12 34 56', 'BE', '+32470123456'],
    ['020 7946 0958', 'GB', '+442079460958'],
    ['+44 (20) 7946 0958', 'BE', '+442079460958'],
    ['101', 'BE', 'ext:101'],
    ['1 01', 'BE', 'ext:101'],
    ['*43', 'BE', 'ext:*43'],
    ['02 555 12 34', null, 'digits:025551234'],
    ['', 'BE', null],
    ['abc', 'BE', null],
  ] as const)('%j in %s is %s', (raw, country, key) => {
    expect(numberKey(raw, country)).toBe(key);
  });

  it('gives one key for the national, international, 00 and + forms of a Belgian number, however spaced', () => {
    const spaced = (digits: string) =>
      fc
        .array(fc.constantFrom('', ' ', '-', '.', '/'), { minLength: digits.length, maxLength: digits.length })
        .map((seps) => [...digits].map((d, i) => d + seps[i]).join(''));
    fc.assert(
      fc.property(fc.stringMatching(/^[2-9]\d{7}$/), fc.constantFrom('0', '+32', '0032'), (national, prefix) => {
        const e164 = numberKey(`+32${national}`, 'BE');
        fc.pre(e164 !== null && e164.startsWith('+'));
        fc.assert(
          fc.property(spaced(national), (written) => {
            expect(numberKey(`${prefix}${written}`, 'BE')).toBe(e164);
          }),
          { numRuns: 5 },
        );
      }),
      { numRuns: 50 },
    );
  });

  it('keeps extensions apart from phone numbers that end with them', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[1-9]\d{1,5}$/), (ext) => {
        expect(numberKey(ext, 'BE')).toBe(`ext:${ext}`);
        expect(numberKey(`+3225${ext.padStart(6, '0')}`, 'BE')).not.toBe(`ext:${ext}`);
      }),
    );
  });
});

describe('numberKey in every home country', () => {
  it.each(['BE', 'FR', 'DE', 'NL', 'SE', 'IT', 'GB', 'CH', 'AT'] as const)('gives a valid national number of %s the key of its E.164 form', (country) => {
    fc.assert(
      fc.property(fc.stringMatching(/^0[1-9]\d{7,9}$/), (national) => {
        const e164 = normalizeNumber(national, country);
        fc.pre(e164 !== null && parsePhoneNumberFromString(national, country)?.isValid() === true);
        expect(numberKey(national, country)).toBe(numberKey(e164, country));
      }),
    );
  });
});
