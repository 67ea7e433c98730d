import { describe, expect, test } from 'vitest';
import { isEditable, skipElement } from '../../../src/clicktocall/skip';

const element = (tagName: string, contentEditable: string | null = null, ownedByUs = false) => ({ tagName, contentEditable, ownedByUs });

describe('skipElement', () => {
  test.each([
    'INPUT',
    'TEXTAREA',
    'SELECT',
    'SCRIPT',
    'STYLE',
    'NOSCRIPT',
    'TEMPLATE',
    'CODE',
    'PRE',
    'KBD',
    'SAMP',
    'svg',
    'BUTTON',
    'OPTION',
    'IFRAME',
    'TITLE',
  ])('skips %s', (tag) => expect(skipElement(element(tag))).toBe(true));

  test.each(['P', 'TD', 'DIV', 'SPAN', 'A', 'LI', 'STRONG', 'BODY'])('reads %s', (tag) => expect(skipElement(element(tag))).toBe(false));

  test('skips editable regions and our own buttons', () => {
    expect(skipElement(element('DIV', 'true'))).toBe(true);
    expect(skipElement(element('DIV', ''))).toBe(true);
    expect(skipElement(element('DIV', 'plaintext-only'))).toBe(true);
    expect(skipElement(element('DIV', 'false'))).toBe(false);
    expect(skipElement(element('VOIP-WIDGET-CALL', null, true))).toBe(true);
  });
});

describe('isEditable', () => {
  test.each([
    [null, false],
    ['', true],
    ['true', true],
    ['TRUE', true],
    ['plaintext-only', true],
    ['false', false],
    [' False ', false],
  ])('contenteditable=%s → %s', (value, expected) => expect(isEditable(value)).toBe(expected));
});
