import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { csvDocument, csvField, parseCsv } from '../../../src/aftercall/csv';

describe('CSV writer', () => {
  test.each<[string | number | null, string]>([
    ['plain', 'plain'],
    [42, '42'],
    [null, ''],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\nlines', '"two\nlines"'],
    ['cr\r\nlf', '"cr\r\nlf"'],
    ['=HYPERLINK("http://x")', `"'=HYPERLINK(""http://x"")"`],
    ['+3225551234', "'+3225551234"],
    ['-1', "'-1"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\tcmd', "'\tcmd"],
    ['a=b', 'a=b'],
  ])('%o is written %o', (value, written) => {
    expect(csvField(value)).toBe(written);
  });

  test('a document has a BOM, CRLF after each record, and a header', () => {
    expect(csvDocument(['Number', 'Notes'], [['102', 'ok, thanks']])).toBe('\uFEFFNumber,Notes\r\n102,"ok, thanks"\r\n');
  });

  test('any text round-trips, and no field reaches a spreadsheet as a formula', () => {
    fc.assert(
      fc.property(fc.array(fc.array(fc.string({ unit: 'grapheme-composite' }), { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 5 }), (rows) => {
        const [header, ...body] = rows as [string[], ...string[][]];
        const parsed = parseCsv(csvDocument(header, body));
        // What reads back is the text with each formula-like field behind its apostrophe: stripping
        // the apostrophe instead would take one from a text that began with it ("'-").
        const neutralised = (f: string) => (/^[=+\-@\t\r]/.test(f) ? `'${f}` : f);
        expect(parsed).toEqual(rows.map((r) => r.map(neutralised)));
        for (const row of parsed) for (const field of row) expect(/^[=+\-@\t\r]/.test(field)).toBe(false);
      }),
    );
  });
});
