import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { findNumbers, findNumbersInTexts, mayContainNumber, readingCountry } from '../../../src/clicktocall/detect';

describe('findNumbers', () => {
  test.each([
    ['BE landline, national', '02 555 12 34', 'BE', ['+3225551234']],
    ['BE mobile, national', 'Mobile: 0470 12 34 56.', 'BE', ['+32470123456']],
    ['FR, international', 'Paris +33 1 23 45 67 89', 'BE', ['+33123456789']],
    ['UK with 00', 'London 0044 20 7946 0958', 'BE', ['+442079460958']],
    ['US, national in the US', 'Call (212) 555-0123 now', 'US', ['+12125550123']],
    ['DE, national in Germany', 'Tel. 030 12345678', 'DE', ['+493012345678']],
    ['two in a sentence', 'Anna 02 555 12 34 or Bob 0470 98 76 54', 'BE', ['+3225551234', '+32470987654']],
  ] as const)('%s', (_, text, country, expected) => {
    expect(findNumbers(text, country).map((n) => n.e164)).toEqual(expected);
  });

  test.each([
    ['prose', 'Lorem ipsum dolor sit amet'],
    ['a date and an order number', 'Order 12-34 shipped 2024-01-02'],
    ['European dates', 'Born 02.05.1987, moved 15/11/2020'],
    ['a price', 'Total: 1 234,56 EUR'],
    ['a short code', 'Room 1234'],
  ])('finds nothing in %s', (_, text) => {
    expect(findNumbers(text, 'BE')).toEqual([]);
  });

  test('gives where each number is, as written', () => {
    const text = 'Call Anna on 02 555 12 34 today';
    const [found] = findNumbers(text, 'BE');
    expect(found).toMatchObject({ text: '02 555 12 34', start: 13, end: 25 });
    expect(text.slice(found!.start, found!.end)).toBe('02 555 12 34');
  });

  test('finds numbers in a text longer than one search piece, at the right offsets', () => {
    const text = `${'word '.repeat(4000)}02 555 12 34 ${'word '.repeat(4000)}+33 1 23 45 67 89`;
    const found = findNumbers(text, 'BE');
    expect(found.map((n) => n.e164)).toEqual(['+3225551234', '+33123456789']);
    for (const n of found) expect(text.slice(n.start, n.end)).toBe(n.text);
  });
});

describe('mayContainNumber (the cheap pre-check)', () => {
  test.each([
    ['02 555 12 34', true],
    ['+33 (1) 23-45-67', true],
    ['12345', false],
    ['no digits here', false],
    ['1 2 3', false],
  ])('%s → %s', (text, expected) => {
    expect(mayContainNumber(text)).toBe(expected);
  });
});

describe('readingCountry', () => {
  test.each([
    ['be', 'en-US', 'BE'],
    [' fr ', undefined, 'FR'],
    [undefined, 'nl-BE', 'BE'],
    [undefined, 'de_DE', 'DE'],
    ['XX', 'en-GB', 'GB'],
    [undefined, 'en', 'BE'],
    [42, undefined, 'BE'],
  ])('home country %s, browser %s → %s', (home, locale, expected) => {
    expect(readingCountry(home, locale)).toBe(expected);
  });
});

describe('findNumbersInTexts', () => {
  const pieces = [
    '02 555 12 34',
    '+32 470 12 34 56',
    '0470/12.34.56',
    '(02) 555-1234',
    '2024-01-05',
    'ext. 12',
    'x',
    '+',
    '00',
    ' ',
    '-',
    '.',
    'Call',
    '123',
    '\n',
    '99 99 99 99 99',
    '0032 2 555 12 34',
  ];
  const text = fc
    .array(fc.oneof(fc.constantFrom(...pieces), fc.string({ maxLength: 6 }), fc.stringMatching(/^[0-9 +()./-]{1,14}$/)), { maxLength: 6 })
    .map((p) => p.join(''));

  test('finds in each text what findNumbers finds in it alone', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof({ weight: 9, arbitrary: text }, { weight: 1, arbitrary: text.map((t) => `${'word '.repeat(1500)}${t}`) }), { maxLength: 12 }),
        fc.constantFrom('BE', 'FR', 'US'),
        (texts, country) => {
          expect(findNumbersInTexts(texts, country)).toEqual(texts.map((t) => findNumbers(t, country)));
        },
      ),
      { numRuns: 500 },
    );
  });

  test.each([
    ['no texts', [], []],
    ['one each', ['Anna 02 555 12 34', 'Bob 0470 98 76 54'], [['+3225551234'], ['+32470987654']]],
    ['none in the middle one', ['02 555 12 34', 'Street 12', '0470 98 76 54'], [['+3225551234'], [], ['+32470987654']]],
    ['a number cut between two texts is in neither', ['02 555', '12 34'], [[], []]],
    [
      'texts longer together than a search piece',
      [`${'a '.repeat(2990)}02 555 12 34`, `${'b '.repeat(2990)}0470 98 76 54`, `${'c '.repeat(2990)}02 555 12 35`],
      [['+3225551234'], ['+32470987654'], ['+3225551235']],
    ],
  ] as const)('%s', (_, texts, expected) => {
    expect(findNumbersInTexts(texts, 'BE').map((found) => found.map((n) => n.e164))).toEqual(expected);
  });
});
