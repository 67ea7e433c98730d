import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { parseMessageSummary } from '../../../src/calls/messageSummary';

describe('message-summary', () => {
  test.each([
    ['Messages-Waiting: yes\r\nMessage-Account: sip:*97@pbx.test\r\nVoice-Message: 2/8 (0/2)\r\n', { waiting: true, newMessages: 2, oldMessages: 8 }],
    ['Messages-Waiting: no\r\nVoice-Message: 0/3\r\n', { waiting: false, newMessages: 0, oldMessages: 3 }],
    ['messages-waiting:YES', { waiting: true, newMessages: null, oldMessages: null }],
  ])('%j', (body, expected) => {
    expect(parseMessageSummary(body)).toEqual(expected);
  });

  test.each(['', 'hello', 'Messages-Waiting: maybe', 'x'.repeat(10_000)])('not a summary: %j', (body) => {
    expect(parseMessageSummary(body)).toBeNull();
  });

  test('never throws', () => {
    fc.assert(fc.property(fc.string({ maxLength: 500 }), (body) => void parseMessageSummary(body)));
  });
});
