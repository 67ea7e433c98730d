import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { cleanDisplayName, cleanRemoteNumber, MAX_DISPLAY_NAME, offersAudio } from '../../../src/calls/remoteParty';

describe('display names from the wire', () => {
  test.each([
    ['Alice Martin', 'Alice Martin'],
    ['  Alice \t\n Martin  ', 'Alice Martin'],
    ['Evil\u202eeman', 'Evileman'],
    ['Police\u200b \u00b7 +32\u200c2\u200d555\u2060\ufeff', 'Police · +322555'],
    ['Alice\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u2066\u2067\u2068\u2069 Martin', 'Alice Martin'],
    ['Bob\u00ad\u034f\u115f\u1160\u3164\uffa0\u180e\ufe0f\u{e0041}\u{e0100}\u2800 Smith', 'Bob Smith'],
    ['\u{f0000}\ue000Eve\u0378', 'Eve'],
    ['line\u2028para\u2029break\u3000wide', 'line para break wide'],
    ['Z\u0301\u0302\u0303\u0304\u0305\u0306ed', 'Z\u0301\u0302\u0303ed'],
    ['Nguy\u1ec5n Th\u1ecb', 'Nguy\u1ec5n Th\u1ecb'],
    ['\u200b\u2066\u3164', null],
    ['\u0000\u0007', null],
    ['', null],
    [undefined, null],
    [42, null],
  ])('%j shows as %j', (input, expected) => {
    expect(cleanDisplayName(input)).toBe(expected);
  });

  test('a huge name is cut short', () => {
    const name = cleanDisplayName('A'.repeat(100_000));
    expect(name).toHaveLength(MAX_DISPLAY_NAME);
    expect(name?.endsWith('…')).toBe(true);
  });

  test('a name cut short is cut between characters, never inside one', () => {
    const name = cleanDisplayName(`A${'😀'.repeat(60)}`);
    expect(name).toBe(`A${'😀'.repeat(31)}…`);
    expect(name).not.toMatch(/\p{Cs}/u);
  });

  test('never throws, never returns an invisible, format, bidi or control character, nor more than the cap', () => {
    const hidden = /[\p{Cc}\p{Cf}\p{Co}\p{Cs}\p{Cn}\p{Default_Ignorable_Code_Point}\u2800]/u;
    // Names mixing letters, digits and every kind of character a spoofer would reach for.
    const tricky = fc.constantFrom(
      '\u200b',
      '\u200c',
      '\u200d',
      '\u200e',
      '\u200f',
      '\u061c',
      '\u202a',
      '\u202e',
      '\u2066',
      '\u2069',
      '\u2060',
      '\ufeff',
      '\u00ad',
      '\u3164',
      '\ufe0f',
      '\u{e0041}',
      '\u0301',
      '\u2028',
      '\u00a0',
      ' ',
      '\n',
      '·',
      '+',
      '3',
      '2',
    );
    const mixed = fc.array(fc.oneof(tricky, fc.string({ maxLength: 3, unit: 'grapheme' })), { maxLength: 120 }).map((parts) => parts.join(''));
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 400, unit: 'binary' }), mixed), (input) => {
        const name = cleanDisplayName(input);
        if (name === null) return;
        expect(name.length).toBeLessThanOrEqual(MAX_DISPLAY_NAME);
        expect(name).not.toMatch(hidden);
        expect(name).toBe(name.trim());
        expect(name).not.toMatch(/\s\s|[^\S ]/u);
        expect(cleanDisplayName(name)).toBe(name);
      }),
      { numRuns: 500 },
    );
  });

  test('remote numbers keep only dialable characters', () => {
    expect(cleanRemoteNumber('+32<script>2')).toBe('+32script2');
    expect(cleanRemoteNumber(null)).toBe('');
    fc.assert(fc.property(fc.string({ maxLength: 500 }), (input) => cleanRemoteNumber(input).length <= 64));
  });
});

describe('offers audio', () => {
  test.each([
    ['v=0\r\nm=audio 4000 RTP/AVP 0\r\n', true],
    ['v=0\r\nm=video 4000 RTP/AVP 96\r\n', false],
    ['v=0\r\nm=audio 0 RTP/AVP 0\r\nm=video 4000 RTP/AVP 96\r\n', false],
    ['', true],
    [undefined, true],
  ])('%j -> %s', (sdp, expected) => {
    expect(offersAudio(sdp)).toBe(expected);
  });
});
