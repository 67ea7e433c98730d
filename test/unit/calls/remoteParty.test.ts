import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { cleanDisplayName, cleanRemoteNumber, MAX_DISPLAY_NAME, offersAudio } from '../../../src/calls/remoteParty';

describe('display names from the wire', () => {
  test.each([
    ['Alice Martin', 'Alice Martin'],
    ['  Alice \t\n Martin  ', 'Alice Martin'],
    ['Evil\u202eeman', 'Evileman'],
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

  test('never throws, never returns control characters or more than the cap', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 400, unit: 'binary' }), (input) => {
        const name = cleanDisplayName(input);
        return name === null || (name.length <= MAX_DISPLAY_NAME && !/[\u0000-\u001f\u202a-\u202e]/.test(name));
      }),
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
