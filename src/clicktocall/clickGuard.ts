/** What the content script observed about a click on its call button. */
export interface ClickFacts {
  isTrusted: boolean;
  /** The element at the click point is our button's host (nothing page-owned on top of it). */
  topmostIsOurs: boolean;
  /**
   * Something drawn over the button that lets clicks through to it (`pointer-events: none`, which
   * the hit test of topmostIsOurs does not see): true, false, or null when it could not be checked.
   */
  coveredByPassThrough: boolean | null;
  /** Product of the opacities of the host and its ancestors, `filter: opacity()` included. */
  opacity: number;
  visibility: string;
  /** The host's on-screen size in CSS pixels. */
  width: number;
  height: number;
  /**
   * Other effects on the host or its ancestors that can hide it while it still takes clicks, and
   * whose result the script cannot compute: other filters, masks, clip paths, blend modes.
   */
  effects: string[];
  /**
   * IntersectionObserver v2's verdict (occlusion, filters, transforms), or null when there is none:
   * Firefox has no IntersectionObserver v2, and the observation may not have come in time.
   */
  isVisible: boolean | null;
  /** Milliseconds since the button last appeared, moved or changed size: a click right after is a trap. */
  stableMs: number;
}

/**
 * `call`: the user's click on a button they could see, handled as the settings say (with "call at
 * once", dialled). `confirm`: nothing says it was not, but not everything could be checked: the
 * softphone opens with the number, for the user to confirm; it never dials. `refuse`: nothing.
 */
export type ClickVerdict = { action: 'call' } | { action: 'confirm'; reason: string } | { action: 'refuse'; reason: string };

const MIN_OPACITY = 0.9;
const MIN_SIZE_PX = 8;
export const MIN_STABLE_MS = 300;

/**
 * Whether a click on our call button was the user's, on a button they could see. Anything a page
 * can fake (synthetic events) or use to make the user click blind (transparent, hidden, covered,
 * shrunk or just-moved buttons: clickjacking) is refused. What cannot be checked fails closed: the
 * click only opens the softphone to confirm.
 */
export function judgeClick(click: ClickFacts): ClickVerdict {
  const refuse = (reason: string): ClickVerdict => ({ action: 'refuse', reason });
  if (!click.isTrusted) return refuse('synthetic click');
  if (!click.topmostIsOurs || click.coveredByPassThrough === true) return refuse('covered');
  if (click.visibility !== 'visible') return refuse('hidden');
  if (click.opacity < MIN_OPACITY) return refuse('transparent');
  if (click.width < MIN_SIZE_PX || click.height < MIN_SIZE_PX) return refuse('too small');
  if (click.isVisible === false) return refuse('not visible');
  if (click.stableMs < MIN_STABLE_MS) return refuse('moved or appeared just now');
  if (click.effects.length > 0) return { action: 'confirm', reason: `drawn through ${click.effects.join(', ')}` };
  if (click.isVisible === null) return { action: 'confirm', reason: 'visibility unknown' };
  if (click.coveredByPassThrough === null) return { action: 'confirm', reason: 'overlays not checked' };
  return { action: 'call' };
}

/** The product of the `opacity()` functions in a computed `filter` value (1 when there are none). */
export function filterOpacity(filter: string): number {
  let opacity = 1;
  for (const [, amount, percent] of filter.matchAll(/opacity\(\s*([\d.]+)(%?)\s*\)/g)) {
    const value = Number(amount) / (percent ? 100 : 1);
    opacity *= Number.isFinite(value) ? Math.min(1, Math.max(0, value)) : 0;
  }
  return opacity;
}

/** The computed styles of one element that matter to whether what it draws can be seen. */
export interface DrawingStyle {
  filter: string;
  backdropFilter?: string;
  maskImage?: string;
  webkitMaskImage?: string;
  clipPath: string;
  mixBlendMode: string;
}

/** The effects of one element's style that may hide our button, as words for the verdict's reason. */
export function hidingEffects(style: DrawingStyle): string[] {
  const effects: string[] = [];
  // opacity() alone is counted in the opacity; any other filter function changes what is drawn.
  const otherFilters = style.filter.replace(/opacity\([^)]*\)/g, '').trim();
  if (style.filter !== 'none' && otherFilters !== '') effects.push('a filter');
  if ((style.backdropFilter ?? 'none') !== 'none') effects.push('a backdrop filter');
  if ((style.maskImage ?? 'none') !== 'none' || (style.webkitMaskImage ?? 'none') !== 'none') effects.push('a mask');
  if (style.clipPath !== 'none') effects.push('a clip path');
  if (style.mixBlendMode !== 'normal') effects.push('a blend mode');
  return effects;
}

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

const sameBox = (a: Box, b: Box): boolean => a.x === b.x && a.y === b.y && a.width === b.width && a.height === b.height;

/** Samples further apart than this may have missed a move away and back between them. */
const CONTINUOUS_MS = 50;

/**
 * Since when a button has been where it is, from samples of its box and the times the page last
 * did something that can move things (a DOM or style change, a scroll, a resize, a load, the end
 * of an animation). A page that slides an old button under the pointer must not pass for a button
 * that sat there all along: the age counts from the last change of position or size. Between two
 * samples far apart the button may have moved and come back, so a layout change between them
 * counts as a move; a new position with no such change counts from the sample that saw it.
 */
export class PositionHistory {
  private last: { box: Box; at: number } | null = null;
  private since: number;

  constructor(shownAt: number) {
    this.since = shownAt;
  }

  /** Records the box seen at `at`; `layoutChangedAt` is the page's last layout-changing event. */
  sample(box: Box, at: number, layoutChangedAt: number): void {
    const previous = this.last;
    const changeBetween = layoutChangedAt > (previous?.at ?? this.since) ? layoutChangedAt : null;
    if (previous !== null && sameBox(box, previous.box)) {
      if (at - previous.at > CONTINUOUS_MS && changeBetween !== null) this.since = Math.max(this.since, changeBetween);
    } else if (previous === null) {
      if (changeBetween !== null) this.since = Math.max(this.since, changeBetween);
    } else this.since = Math.max(this.since, changeBetween ?? at);
    this.last = { box, at };
  }

  /** It is moving right now (an animation or transition runs on it or an ancestor). */
  moving(at: number): void {
    this.since = Math.max(this.since, at);
  }

  stableMs(now: number): number {
    return now - this.since;
  }
}
