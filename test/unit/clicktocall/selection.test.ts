import { describe, expect, test } from 'vitest';
import { freshPendingNumber, PENDING_TTL_MS } from '../../../src/clicktocall/pending';
import { numberInSelection } from '../../../src/clicktocall/selection';

describe('numberInSelection', () => {
  test.each([
    ['a number on its own', '02 555 12 34', { ok: true, dial: '025551234' }],
    ['a tel: URL', 'tel:+3225551234', { ok: true, dial: '+3225551234' }],
    ['a number in a sentence', 'Call Anna on 0470 12 34 56 today', { ok: true, dial: '+32470123456' }],
    ['the first of two', 'Anna +33 1 23 45 67 89, Bob 02 555 12 34', { ok: true, dial: '+33123456789' }],
  ])('%s', (_, selection, expected) => {
    expect(numberInSelection(selection, 'BE', null)).toEqual(expected);
  });

  test.each([
    ['nothing', '   '],
    ['no number', 'Lorem ipsum'],
    ['a SIP address elsewhere', 'sip:1@evil.example'],
  ])('refuses %s', (_, selection) => {
    expect(numberInSelection(selection, 'BE', 'pbx.example.com').ok).toBe(false);
  });
});

describe('freshPendingNumber', () => {
  test.each([
    [{ number: '+3225551234', at: 1000 }, 1000 + 5000, '+3225551234'],
    [{ number: '+3225551234', at: 1000 }, 1000 + PENDING_TTL_MS, null],
    [{ number: '+3225551234', at: 9000 }, 1000, null],
    [{ number: 42, at: 1000 }, 1000, null],
    [undefined, 1000, null],
  ])('%j at %d → %s', (stored, now, expected) => expect(freshPendingNumber(stored, now)).toBe(expected));
});
