import { describe, expect, test } from 'vitest';
import { judgeClick, type ClickFacts } from '../../../src/clicktocall/clickGuard';

const visibleClick: ClickFacts = { isTrusted: true, topmostIsOurs: true, opacity: 1, visibility: 'visible', width: 16, height: 16, isVisible: true, ageMs: 5000 };

describe('judgeClick', () => {
  test('a trusted click on a visible, uncovered button is the user’s', () => {
    expect(judgeClick(visibleClick)).toEqual({ ok: true });
    expect(judgeClick({ ...visibleClick, isVisible: null })).toEqual({ ok: true });
  });

  test.each<[string, Partial<ClickFacts>, string]>([
    ['a synthetic click (element.click(), dispatchEvent)', { isTrusted: false }, 'synthetic click'],
    ['a click landing on something over the button', { topmostIsOurs: false }, 'covered'],
    ['a hidden button', { visibility: 'hidden' }, 'hidden'],
    ['a nearly transparent button', { opacity: 0.05 }, 'transparent'],
    ['a button faded through its ancestors', { opacity: 0.5 }, 'transparent'],
    ['a shrunk button', { width: 2, height: 2 }, 'too small'],
    ['a button IntersectionObserver v2 says is not visible (occluded, filtered)', { isVisible: false }, 'not visible'],
    ['a button that appeared under the pointer just now', { ageMs: 50 }, 'too recent'],
  ])('refuses %s', (_, change, reason) => {
    expect(judgeClick({ ...visibleClick, ...change })).toEqual({ ok: false, reason });
  });
});
