import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { physicalLines } from '../../../src/contacts/vcardLines';

describe('physicalLines', () => {
  it.each([[''], ['a'], ['a\r\nb'], ['a\nb\rc\r\n'], ['\r\r\n\n'], ['x\r\n\r\ny\n']])('cuts %j where split does', (text) => {
    expect([...physicalLines(text)]).toEqual(text.split(/\r\n|\n|\r/));
  });

  it('cuts any text where split does', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('a', ' ', '\r', '\n', '\r\n', 'é', ':') }), (text) => {
        expect([...physicalLines(text)]).toEqual(text.split(/\r\n|\n|\r/));
      }),
    );
  });
});
