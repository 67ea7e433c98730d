import { describe, expect, test } from 'vitest';
import { type ClickFacts, filterOpacity, hidingEffects, judgeClick, MIN_STABLE_MS, PositionHistory } from '../../../src/clicktocall/clickGuard';

const visibleClick: ClickFacts = {
  isTrusted: true,
  topmostIsOurs: true,
  coveredByPassThrough: false,
  opacity: 1,
  visibility: 'visible',
  width: 16,
  height: 16,
  effects: [],
  isVisible: true,
  stableMs: 5000,
};

describe('judgeClick', () => {
  test('a trusted click on a visible, uncovered button that has not moved is the user’s', () => {
    expect(judgeClick(visibleClick)).toEqual({ action: 'call' });
  });

  test.each<[string, Partial<ClickFacts>, string]>([
    ['a synthetic click (element.click(), dispatchEvent)', { isTrusted: false }, 'synthetic click'],
    ['a click landing on something over the button', { topmostIsOurs: false }, 'covered'],
    ['a click through an overlay that lets clicks pass (pointer-events: none)', { coveredByPassThrough: true }, 'covered'],
    ['a hidden button', { visibility: 'hidden' }, 'hidden'],
    ['a nearly transparent button', { opacity: 0.05 }, 'transparent'],
    ['a button faded through its ancestors (opacity or filter: opacity())', { opacity: 0.5 }, 'transparent'],
    ['a shrunk button', { width: 2, height: 2 }, 'too small'],
    ['a button IntersectionObserver v2 says is not visible (occluded, filtered)', { isVisible: false }, 'not visible'],
    ['a button that appeared under the pointer just now', { stableMs: 50 }, 'moved or appeared just now'],
    ['an old button slid under the pointer just now', { stableMs: MIN_STABLE_MS - 1 }, 'moved or appeared just now'],
  ])('refuses %s', (_, change, reason) => {
    expect(judgeClick({ ...visibleClick, ...change })).toEqual({ action: 'refuse', reason });
  });

  test.each<[string, Partial<ClickFacts>, string]>([
    ['visibility unknown (Firefox has no IntersectionObserver v2, or it did not answer in time)', { isVisible: null }, 'visibility unknown'],
    ['a mask, clip path or filter whose result cannot be computed', { effects: ['a mask', 'a clip path'] }, 'drawn through a mask, a clip path'],
    ['a page too big to search for overlays', { coveredByPassThrough: null }, 'overlays not checked'],
  ])('never dials on %s: the softphone opens to confirm', (_, change, reason) => {
    expect(judgeClick({ ...visibleClick, ...change })).toEqual({ action: 'confirm', reason });
  });

  test('what can be seen to be wrong is refused, even when the rest is unknown', () => {
    expect(judgeClick({ ...visibleClick, isVisible: null, opacity: 0 }).action).toBe('refuse');
    expect(judgeClick({ ...visibleClick, isVisible: null, stableMs: 10 }).action).toBe('refuse');
  });
});

describe('what a style does to the drawing', () => {
  test.each([
    ['none', 1],
    ['opacity(0)', 0],
    ['opacity(50%)', 0.5],
    ['opacity(0.5) opacity(0.5)', 0.25],
    ['blur(2px) opacity(0.2)', 0.2],
    ['opacity(3)', 1],
  ])('filter %s lets %s of the opacity through', (filter, opacity) => {
    expect(filterOpacity(filter)).toBeCloseTo(opacity);
  });

  const plain = { filter: 'none', backdropFilter: 'none', maskImage: 'none', webkitMaskImage: 'none', clipPath: 'none', mixBlendMode: 'normal' };
  test.each([
    [{}, []],
    [{ filter: 'opacity(0.95)' }, []],
    [{ filter: 'blur(8px)' }, ['a filter']],
    [{ filter: 'invert(1) hue-rotate(180deg)' }, ['a filter']],
    [{ maskImage: 'linear-gradient(transparent, transparent)' }, ['a mask']],
    [{ webkitMaskImage: 'url("x.svg")' }, ['a mask']],
    [{ clipPath: 'inset(50%)' }, ['a clip path']],
    [{ mixBlendMode: 'multiply' }, ['a blend mode']],
  ])('%j hides through %j', (style, effects) => {
    expect(hidingEffects({ ...plain, ...style })).toEqual(effects);
  });
});

describe('since when a button has been where it is', () => {
  const box = { x: 10, y: 20, width: 16, height: 16 };
  const moved = { ...box, y: 400 };

  test('untouched since shown: its age counts from when it was shown', () => {
    const history = new PositionHistory(1000);
    history.sample(box, 5000, 0);
    expect(history.stableMs(5000)).toBe(4000);
  });

  test("seen at a new place: its age counts from the page's last layout change, or from the sample if there was none", () => {
    const history = new PositionHistory(1000);
    history.sample(box, 2000, 0);
    history.sample(moved, 5000, 4900);
    expect(history.stableMs(5000)).toBe(100);
    history.sample({ ...moved, x: 50 }, 6000, 4900); // moved with no event the page gave (a :hover rule)
    expect(history.stableMs(6100)).toBe(100);
  });

  test.each([
    ['wider', { width: 24 }],
    ['taller', { height: 24 }],
    ['smaller', { width: 12, height: 12 }],
  ])("%s where it stood (an ancestor's font changed): its age counts from the change", (_, size) => {
    const history = new PositionHistory(1000);
    for (let at = 2000; at <= 5000; at += 16) history.sample(box, at, 0);
    history.sample({ ...box, ...size }, 5016, 5010);
    expect(history.stableMs(5020)).toBe(10);
  });

  test('at the same place after a gap with a layout change in it: it may have gone and come back', () => {
    const history = new PositionHistory(1000);
    history.sample(box, 2000, 0);
    history.sample(box, 5000, 4950);
    expect(history.stableMs(5000)).toBe(50);
  });

  test("followed frame by frame, the page's other changes do not make it young", () => {
    const history = new PositionHistory(1000);
    for (let at = 2000; at <= 3000; at += 16) history.sample(box, at, at - 5);
    expect(history.stableMs(3000)).toBeGreaterThan(900);
  });

  test('a change before the first sample counts, one before it was shown does not', () => {
    const later = new PositionHistory(1000);
    later.sample(box, 5000, 4800);
    expect(later.stableMs(5000)).toBe(200);
    const earlier = new PositionHistory(1000);
    earlier.sample(box, 5000, 900);
    expect(earlier.stableMs(5000)).toBe(4000);
  });

  test('an animation carrying it makes it move now', () => {
    const history = new PositionHistory(1000);
    history.moving(5000);
    expect(history.stableMs(5100)).toBe(100);
  });
});
