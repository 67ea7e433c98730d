import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { parseMessageSummary } from '../../../src/calls/messageSummary';

/** The shortest of `runs` parses of `body`, in ms: the parser's own cost, without the pauses of a busy machine. */

describe('message-summary', () => {
  test.each([
    ['Messages-Waiting: yes\r\nMessage-Account: sip:*97@pbx.test\r\nVoice-Message: 2/8 (0/2)\r\n', { waiting: true, newMessages: 2, oldMessages: 8 }],
    ['Messages-Waiting: no\r\nVoice-Message: 0/3\r\n', { waiting: false, newMessages: 0, oldMessages: 3 }],
    ['messages-waiting:YES', { waiting: true, newMessages: null, oldMessages: null }],
    ['  Messages-Waiting \t:  yes  \n  voice-message :  12 / 345  (1/2)', { waiting: true, newMessages: 12, oldMessages: 345 }],
    ['Messages-Waiting: maybe\nMessages-Waiting: no', { waiting: false, newMessages: null, oldMessages: null }],
    ['Messages-Waiting: yes\rVoice-Message: 1/0', { waiting: true, newMessages: 1, oldMessages: 0 }],
    ['Messages-Waiting: yes\nVoice-Message: 1234567/8', { waiting: true, newMessages: null, oldMessages: null }],
  ])('%j', (body, expected) => {
    expect(parseMessageSummary(body)).toEqual(expected);
  });

  test.each([
    ['empty', ''],
    ['prose', 'hello'],
    ['another value', 'Messages-Waiting: maybe'],
    ['more than 8 KB', `Messages-Waiting: yes\n${'x'.repeat(10_000)}`],
    ['more after the value', 'Messages-Waiting: yes, really'],
    ['another header', 'X-Messages-Waiting: yes'],
  ])('not a summary: %s', (_, body) => {
    expect(parseMessageSummary(body)).toBeNull();
  });

  test('never throws', () => {
    fc.assert(fc.property(fc.string({ maxLength: 500 }), (body) => void parseMessageSummary(body)));
  });

  test('any summary reads back, whatever the case, spacing, line ends and other headers around it', () => {
    const space = fc.stringMatching(/^[ \t]{0,3}$/);
    const eol = fc.constantFrom('\r\n', '\n', '\r');
    const noise = fc.array(
      fc.stringMatching(/^[A-Za-z-]{1,12}: [ -~]{0,30}$/).filter((line) => !/^\s*(messages-waiting|voice-message)\s*:/i.test(line)),
      { maxLength: 4 },
    );
    const casing = (name: string) =>
      fc
        .array(fc.boolean(), { minLength: name.length, maxLength: name.length })
        .map((upper) => [...name].map((c, i) => (upper[i] ? c.toUpperCase() : c.toLowerCase())).join(''));
    fc.assert(
      fc.property(
        fc.boolean(),
        fc.nat(999_999),
        fc.nat(999_999),
        space,
        space,
        eol,
        noise,
        noise,
        casing('Messages-Waiting'),
        casing('Voice-Message'),
        (waiting, fresh, old, s1, s2, end, before, after, mw, vm) => {
          const lines = [...before, `${s1}${mw}${s2}:${s1}${waiting ? 'yes' : 'no'}${s2}`, ...after, `${vm}:${s2}${fresh}${s1}/${s2}${old}${s1}(0/0)`];
          expect(parseMessageSummary(lines.join(end))).toEqual({ waiting, newMessages: fresh, oldMessages: old });
        },
      ),
    );
  });

  // Its speed against the regexes it replaced is a bench figure (bench/measureVoicemail.ts).
  test('an 8 KB body of newlines, or of any white space and header pieces, is read without a throw, as nothing or a summary', () => {
    for (const body of ['\n'.repeat(8192), '\r\n'.repeat(4096), ' \n'.repeat(4096), `${'Voice-Message: \n'.repeat(500)}`]) {
      expect(parseMessageSummary(body), JSON.stringify(body.slice(0, 20))).toBeNull();
    }
    for (const body of [`Messages-Waiting: yes\r\n${'\n'.repeat(8000)}`, `${'\n'.repeat(8000)}Messages-Waiting: yes`]) {
      expect(parseMessageSummary(body)).toEqual({ waiting: true, newMessages: null, oldMessages: null });
    }
    const piece = fc.constantFrom('\n', '\r\n', '\r', ' ', '\t', '\u00a0', ':', '/', '7', 'yes', 'Messages-Waiting', 'Voice-Message');
    const adversarial = fc.array(piece, { maxLength: 2000 }).map((pieces) => pieces.join('').padEnd(8192, '\n').slice(0, 8192));
    fc.assert(
      fc.property(adversarial, (body) => {
        const summary = parseMessageSummary(body);
        expect(summary === null || typeof summary.waiting === 'boolean').toBe(true);
      }),
      { numRuns: 30 },
    );
  });
});
