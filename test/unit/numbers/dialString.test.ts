import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { toDialString } from '../../../src/numbers/dialString';

describe('toDialString', () => {
  test.each([
    ['102', '102'],
    [' +32 2 555 12 34 ', '+3225551234'],
    ['(0044) 20-7946-0958', '00442079460958'],
    ['06.12.34.56.78', '0612345678'],
    ['tel:+33612345678', '+33612345678'],
    ['*45', '*45'],
    ['#31#0123', '#31#0123'],
    ['02/555\u00a01234', '025551234'],
  ])('%j dials %j', (input, dial) => {
    expect(toDialString(input)).toEqual({ ok: true, dial });
  });

  test.each([
    ['', 'Enter a number to call'],
    ['   ', 'Enter a number to call'],
    ['call me', 'A number may contain digits'],
    ['12+34', 'A number may contain digits'],
    ['sip:evil@elsewhere.example', 'A number may contain digits'],
    ['102\r\nVia: injected', 'A number may contain digits'],
    ['1'.repeat(40), 'That number is too long'],
    ['1'.repeat(100), 'That number is too long'],
  ])('%j is refused: %s', (input, error) => {
    const result = toDialString(input);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toContain(error);
  });

  test('never throws, and what it accepts is only digits, * and # with an optional leading +', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 100 }), (input) => {
        const result = toDialString(input);
        if (result.ok) expect(result.dial).toMatch(/^\+?[0-9*#]{1,40}$/);
      }),
    );
  });
});
