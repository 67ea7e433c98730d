import { beforeAll, describe, expect, it } from 'vitest';
import { numberProblemText } from '../../../src/i18n/errorText';
import { classifyDialString } from '../../../src/numbers/dialString';
import { installEnglish } from '../i18n/englishMessages';

beforeAll(installEnglish);

describe('classifyDialString', () => {
  it.each([
    ['+44 20 7946 0958', '00442079460958'],
    ['0044 20 7946 0958', '00442079460958'],
    ['(0044) 20-7946-0958', '00442079460958'],
    ['+44.20.7946.0958', '00442079460958'],
    ['+44/20/7946/0958', '00442079460958'],
    ['(+44) 20 7946 0958', '00442079460958'],
    ['  +442079460958  ', '00442079460958'],
    ['+44 (0)20 7946 0958', '00442079460958'],
    ['0044 (0) 20 7946 0958', '00442079460958'],
    ['+44\u00a020\u00a07946\u00a00958', '00442079460958'],
    ['+1', '001'],
    ['0032', '0032'],
    [`00${'1'.repeat(18)}`, `00${'1'.repeat(18)}`],
  ])('%j is international: %s', (input, digits) => {
    expect(classifyDialString(input)).toEqual({ kind: 'international', digits });
  });

  it.each([
    ['02 555 12 34', '025551234'],
    ['1234567', '1234567'],
    ['0123', '0123'],
    ['012', '012'],
    ['(0)20 7946 0958', '02079460958'],
  ])('%j is national: %s', (input, digits) => {
    expect(classifyDialString(input)).toEqual({ kind: 'national', digits });
  });

  it.each([
    ['101', '101'],
    ['2001', '2001'],
    ['123456', '123456'],
    ['1', '1'],
    [' 12 34 ', '1234'],
    ['*72', '*72'],
    ['#21#', '#21#'],
    ['*8', '*8'],
    ['**21*0612345678#', '**21*0612345678#'],
    ['*', '*'],
    ['# 31 #', '#31#'],
    ['(*72)', '*72'],
    // Service and queue codes need not start with * or #: the queue settings accept any of these.
    ['12*34', '12*34'],
    ['0612#', '0612#'],
    ['500 #', '500#'],
  ])('%j is internal: %s', (input, destination) => {
    expect(classifyDialString(input)).toEqual({ kind: 'internal', destination });
  });

  it.each([
    ['', 'Enter a number to call'],
    ['   ', 'Enter a number to call'],
    ['( ) - ', 'Enter a number to call'],
    ['abc', 'A phone number cannot contain letters'],
    ['02 555 ABC', 'A phone number cannot contain letters'],
    ['tel:', 'Enter a number to call'],
    ['tel:abc', 'A phone number cannot contain letters'],
    ['*72a', 'A phone number cannot contain letters'],
    ['Ω123', 'A phone number cannot contain letters'],
    ['+', 'Enter the country code after + or 00'],
    ['+ ( )', 'Enter the country code after + or 00'],
    ['+0044 20 7946 0958', 'A country code never starts with 0'],
    ['00', 'Enter the country code after + or 00'],
    ['000', 'A country code never starts with 0'],
    ['0000 44 20', 'A country code never starts with 0'],
    ['1+2', 'A + may only start the number'],
    ['++44', 'A + may only start the number'],
    ['*+44', 'A + may only start the number'],
    ['+32*1', 'A number with + cannot contain * or #'],
    ['+32 2 555 12 34#', 'A number with + cannot contain * or #'],
    ['1,234', '"," is not allowed: use digits, spaces and + ( ) . - /'],
    ['12_34', '"_" is not allowed: use digits, spaces and + ( ) . - /'],
    ['12;34', '";" is not allowed: use digits, spaces and + ( ) . - /'],
    ['😀', '"😀" is not allowed: use digits, spaces and + ( ) . - /'],
    ['1'.repeat(33), 'That number is too long (at most 32 digits)'],
    [`+${'4'.repeat(33)}`, 'That number is too long (at most 32 digits)'],
    [`*${'1'.repeat(33)}`, 'That number is too long (at most 32 digits)'],
    ['1 '.repeat(33), 'That number is too long (at most 32 digits)'],
  ])('%j is invalid: %s', (input, error) => {
    const result = classifyDialString(input);
    expect(result.kind).toBe('invalid');
    if (result.kind === 'invalid') expect(numberProblemText(result.error)).toBe(error);
  });

  it('counts digits, not separators, against the 32-digit limit', () => {
    expect(classifyDialString('0044 2079 4609 5812 3456 7890 1234 5678').kind).toBe('international');
    expect(classifyDialString('0044 2079 4609 5812 3456 7890 1234 56789').kind).toBe('invalid');
  });

  it('reads past a leading tel: or callto:, as the softphone dials it', () => {
    expect(classifyDialString('tel:+3225551234')).toEqual({ kind: 'international', digits: '003225551234' });
    expect(classifyDialString(' callto:0470 12 34 56')).toEqual({ kind: 'national', digits: '0470123456' });
  });
});
