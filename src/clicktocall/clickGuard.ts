/** What the content script observed about a click on its call button. */
export interface ClickFacts {
  isTrusted: boolean;
  /** The element at the click point is our button's host (nothing page-owned on top of it). */
  topmostIsOurs: boolean;
  /** Product of the opacities of the host and its ancestors. */
  opacity: number;
  visibility: string;
  /** The host's on-screen size in CSS pixels. */
  width: number;
  height: number;
  /** IntersectionObserver v2's verdict (occlusion, filters, transforms), or null where unsupported. */
  isVisible: boolean | null;
  /** Milliseconds since the button was put on the page: a click right away is a trap. */
  ageMs: number;
}

export type ClickVerdict = { ok: true } | { ok: false; reason: string };

const MIN_OPACITY = 0.9;
const MIN_SIZE_PX = 8;
const MIN_AGE_MS = 300;

/**
 * Whether a click on our call button was the user's, on a button they could see. Anything a page
 * can fake (synthetic events) or use to make the user click blind (transparent, hidden, covered,
 * shrunk or just-moved buttons: clickjacking) is refused.
 */
export function judgeClick(click: ClickFacts): ClickVerdict {
  if (!click.isTrusted) return { ok: false, reason: 'synthetic click' };
  if (!click.topmostIsOurs) return { ok: false, reason: 'covered' };
  if (click.visibility !== 'visible') return { ok: false, reason: 'hidden' };
  if (click.opacity < MIN_OPACITY) return { ok: false, reason: 'transparent' };
  if (click.width < MIN_SIZE_PX || click.height < MIN_SIZE_PX) return { ok: false, reason: 'too small' };
  if (click.isVisible === false) return { ok: false, reason: 'not visible' };
  if (click.ageMs < MIN_AGE_MS) return { ok: false, reason: 'too recent' };
  return { ok: true };
}
