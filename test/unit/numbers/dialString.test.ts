import { beforeAll, describe, expect, test } from 'vitest';
import { numberProblemText } from '../../../src/i18n/errorText';
import { installEnglish } from '../i18n/englishMessages';

beforeAll(installEnglish);

import fc from 'fast-check';
import { resolveCallerId } from '../../../src/callerid';
import { classifyDialString, MAX_DIAL_DIGITS, toDialString } from '../../../src/numbers/dialString';
import { cleanPastedNumber } from '../../../src/numbers/paste';
import { company } from '../callerid/fixtures';

describe('toDialString', () => {
  test.each([
    ['102', '102'],
    [' +32 2 555 12 34 ', '+3225551234'],
    ['(0044) 20-7946-0958', '00442079460958'],
    ['06.12.34.56.78', '0612345678'],
    ['tel:+33612345678', '+33612345678'],
    ['*45', '*45'],
    ['#31#0123', '#31#0123'],
    ['500#', '500#'],
    ['02/555\u00a01234', '025551234'],
    // The trunk 0 written after the country code is not dialled, as the caller ID line reads it.
    ['+44 (0)20 7946 0958', '+442079460958'],
  ])('%j dials %j', (input, dial) => {
    expect(toDialString(input)).toEqual({ ok: true, dial });
  });

  test.each([
    ['', 'Enter a number to call'],
    ['   ', 'Enter a number to call'],
    ['call me', 'A phone number cannot contain letters'],
    ['12+34', 'A + may only start the number'],
    ['sip:evil@elsewhere.example', 'A phone number cannot contain letters'],
    ['102\r\nVia: injected', 'A phone number cannot contain letters'],
    ['1'.repeat(40), 'That number is too long'],
    ['1'.repeat(100), 'That number is too long'],
  ])('%j is refused: %s', (input, error) => {
    const result = toDialString(input);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(numberProblemText(result.error)).toContain(error);
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

describe('one reading of a dial string: what dials is what the caller ID line and paste describe', () => {
  const twentyFiveDigits = '+44 2079 4609 5812 3456 7890 123';

  test('a 25-digit number dials, and the caller ID line names the caller ID instead of "too long"', () => {
    expect(toDialString(twentyFiveDigits)).toEqual({ ok: true, dial: '+4420794609581234567890123' });
    expect(resolveCallerId(company(), twentyFiveDigits)).toMatchObject({
      kind: 'external',
      callerId: '+442079460958',
      destination: '004420794609581234567890123',
    });
    expect(cleanPastedNumber(twentyFiveDigits)).toBe('+4420794609581234567890123');
  });

  test(`one maximum: ${MAX_DIAL_DIGITS} digits dial and read, one more neither`, () => {
    const longest = `00${'4'.repeat(MAX_DIAL_DIGITS - 2)}`;
    expect(toDialString(longest).ok).toBe(true);
    expect(classifyDialString(longest).kind).toBe('international');
    expect(toDialString(`${longest}4`).ok).toBe(false);
    expect(classifyDialString(`${longest}4`).kind).toBe('invalid');
  });

  const dialChars = '0123456789+()-./ *#\u00a0\tabc:;_';
  const dialString = fc.oneof(
    fc.string({ maxLength: 80 }),
    fc.string({ unit: fc.constantFrom(...dialChars), maxLength: 70 }),
    fc.string({ unit: fc.constantFrom(...'0123456789 +'), maxLength: 70 }),
    fc.string({ unit: fc.constantFrom(...'0123456789*#'), maxLength: 40 }).map((s) => `tel:${s}`),
  );

  test('the softphone dials exactly the strings the classifier reads, and the digits it reads', () => {
    fc.assert(
      fc.property(dialString, (input) => {
        const dial = classifyDialString(input);
        const result = toDialString(input);
        expect(result.ok).toBe(dial.kind !== 'invalid');
        if (!result.ok || dial.kind === 'invalid') return;
        const read = dial.kind === 'internal' ? dial.destination : dial.digits;
        expect(result.dial.startsWith('+') ? `00${result.dial.slice(1)}` : result.dial).toBe(read);
      }),
      { numRuns: 2000 },
    );
  });
});
