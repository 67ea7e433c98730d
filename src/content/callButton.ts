import { type ClickFacts, type ClickVerdict, filterOpacity, hidingEffects, judgeClick, PositionHistory } from '../clicktocall/clickGuard';
import { HOST_TAG } from './hostTag';
import { layoutChangedAt } from './layoutChanges';

export { HOST_TAG };

/** Host styles inline and !important: they beat any page rule, so the page cannot resize or hide it by CSS. */
const HOST_STYLE = [
  'all: initial',
  'display: inline-block',
  'position: static',
  'width: 1.15em',
  'height: 1.15em',
  'min-width: 14px',
  'min-height: 14px',
  'margin: 0 0 0 0.3em',
  'padding: 0',
  'vertical-align: -0.2em',
  'line-height: 0',
  'opacity: 1',
  'visibility: visible',
  'pointer-events: auto',
]
  .map((rule) => `${rule} !important`)
  .join('; ');

/**
 * A host is put in the page empty and hidden (no layout object, so no relayout), and gets its
 * button and is shown by revealButtons once the page holds it. The scanner makes hosts only for
 * numbers near the viewport: a page's layout can be expensive (each call button added to a
 * 10,000-row table costs the table's relayout some 25 µs on a slow machine), so the page should
 * lay out the buttons someone can see, not all of them.
 */
const HIDDEN_STYLE = 'all: initial !important; display: none !important';
/** Where each shown button has been since it was shown: its age counts from its last move. */
const positions = new WeakMap<Element, PositionHistory>();
const unbuilt = new WeakMap<HTMLElement, () => void>();

export function revealButtons(hosts: Iterable<HTMLElement>): void {
  const now = performance.now();
  for (const host of hosts) {
    const build = unbuilt.get(host);
    if (build === undefined) continue;
    unbuilt.delete(host);
    build();
    host.style.cssText = HOST_STYLE;
    positions.set(host, new PositionHistory(now));
  }
}

const SHADOW_CSS = `
button { all: initial; box-sizing: border-box; width: 100%; height: 100%; min-width: 14px; min-height: 14px; display: grid; place-items: center;
  border-radius: 50%; background: #1a7f37; cursor: pointer; }
button:hover { background: #116329; }
button:focus-visible { outline: 2px solid #0969da; outline-offset: 1px; }
svg { width: 70%; height: 70%; fill: #fff; pointer-events: none; }
[role=status] { position: absolute; z-index: 2147483647; font: 12px/1.3 system-ui, sans-serif; background: #24292f; color: #fff;
  padding: 4px 8px; border-radius: 4px; white-space: nowrap; transform: translateY(4px); }
[role=status]:empty { display: none; }
`;

const PHONE_PATH =
  'M6.6 10.8a15.1 15.1 0 0 0 6.6 6.6l2.2-2.2a1 1 0 0 1 1-.25 11.4 11.4 0 0 0 3.6.57 1 1 0 0 1 1 1V20a1 1 0 0 1-1 1A17 17 0 0 1 3 4a1 1 0 0 1 1-1h3.5a1 1 0 0 1 1 1c0 1.25.2 2.45.57 3.57a1 1 0 0 1-.25 1z';

let sheet: CSSStyleSheet | null = null;
let icon: SVGSVGElement | null = null;

/** One stylesheet and one icon, shared by every button: 10,000 buttons must stay cheap. */
function shared(): { sheet: CSSStyleSheet; icon: SVGSVGElement } {
  if (sheet === null || icon === null) {
    sheet = new CSSStyleSheet();
    sheet.replaceSync(SHADOW_CSS);
    icon = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
    icon.setAttribute('viewBox', '0 0 24 24');
    icon.setAttribute('aria-hidden', 'true');
    const path = document.createElementNS('http://www.w3.org/2000/svg', 'path');
    path.setAttribute('d', PHONE_PATH);
    icon.append(path);
  }
  return { sheet, icon };
}

/** `confirm`: open the softphone with the number for the user to confirm, whatever the settings say. */
export type CallRequest = (number: string, confirm: boolean) => Promise<{ ok: true } | { ok: false; message: string }>;

/**
 * IntersectionObserver v2's verdict on the host now (occlusion, opacity, filters, transforms),
 * from an observer made for this click: its first report is a fresh one. Null where there is no
 * v2 (Firefox), or when no report came in time.
 */
function visibilityNow(host: Element): Promise<boolean | null> {
  return new Promise((resolve) => {
    let observer: IntersectionObserver | null = null;
    const done = (visible: boolean | null): void => {
      clearTimeout(timer);
      observer?.disconnect();
      resolve(visible);
    };
    const timer = setTimeout(() => done(null), 300);
    try {
      observer = new IntersectionObserver(
        (entries) => {
          const entry = entries[entries.length - 1] as IntersectionObserverEntry & { isVisible?: boolean };
          done(typeof entry.isVisible === 'boolean' ? entry.isVisible : null);
        },
        { trackVisibility: true, delay: 100 } as IntersectionObserverInit,
      );
      observer.observe(host);
    } catch {
      done(null);
    }
  });
}

const parentOf = (el: Element): Element | null => el.parentElement ?? (el.getRootNode() as ShadowRoot).host ?? null;

/** How the host and its ancestors draw it: their combined opacity, and effects that may hide it. */
function drawing(host: Element): { opacity: number; effects: string[] } {
  let opacity = 1;
  const effects = new Set<string>();
  for (let el: Element | null = host; el !== null; el = parentOf(el)) {
    const style = getComputedStyle(el);
    opacity *= Number(style.opacity) * filterOpacity(style.filter);
    const mask = style as CSSStyleDeclaration & { webkitMaskImage?: string; backdropFilter?: string };
    for (const effect of hidingEffects({
      filter: style.filter,
      backdropFilter: mask.backdropFilter,
      maskImage: style.maskImage,
      webkitMaskImage: mask.webkitMaskImage,
      clipPath: style.clipPath,
      mixBlendMode: style.mixBlendMode,
    }))
      effects.add(effect);
  }
  return { opacity, effects: [...effects] };
}

/** An animation or transition runs on the host or an ancestor: it may be carrying the button along. */
function animating(host: Element): boolean {
  for (let el: Element | null = host; el !== null; el = parentOf(el)) if (el.getAnimations?.().some((a) => a.playState === 'running')) return true;
  return false;
}

/** More elements than this and the page is not searched for pass-through overlays (the click is confirmed instead). */
const MAX_OVERLAY_SCAN = 200_000;

/** Whether `el` paints something of its own (not just holds other elements). */
function paints(el: Element): boolean {
  const style = getComputedStyle(el);
  if (style.visibility !== 'visible' || Number(style.opacity) === 0) return false;
  if (/^(img|svg|canvas|video|iframe|object|embed|input|textarea|select|button|picture)$/i.test(el.localName)) return true;
  const transparent = (color: string): boolean => color === 'transparent' || /rgba\([^)]*,\s*0\)$/.test(color);
  if (!transparent(style.backgroundColor) || style.backgroundImage !== 'none' || style.boxShadow !== 'none') return true;
  if (parseFloat(style.borderTopWidth) + parseFloat(style.borderLeftWidth) > 0 && !transparent(style.borderTopColor)) return true;
  return [...el.childNodes].some((node) => node.nodeType === Node.TEXT_NODE && (node.textContent ?? '').trim() !== '');
}

/** Whether `el` is drawn over the point, as a hit test would find it if it took pointer events. */
function drawnOver(el: HTMLElement | SVGElement, x: number, y: number): boolean {
  const hadStyle = el.hasAttribute('style');
  const value = el.style.getPropertyValue('pointer-events');
  const priority = el.style.getPropertyPriority('pointer-events');
  el.style.setProperty('pointer-events', 'auto', 'important');
  try {
    const hit = document.elementFromPoint(x, y);
    return hit !== null && (hit === el || el.contains(hit));
  } finally {
    if (value === '') el.style.removeProperty('pointer-events');
    else el.style.setProperty('pointer-events', value, priority);
    if (!hadStyle) el.removeAttribute('style');
  }
}

/**
 * Whether something that lets clicks through (`pointer-events: none`) is drawn over the click
 * point: the hit test does not see it, the user does. Null when the page is too big to search.
 * Elements in closed shadow roots of the page are seen only through their host.
 */
function passThroughCover(host: Element, x: number, y: number): boolean | null {
  const own = new Set<Element>();
  for (let el: Element | null = host; el !== null; el = parentOf(el)) own.add(el);
  const candidates: (HTMLElement | SVGElement)[] = [];
  let seen = 0;
  const search = (root: Document | ShadowRoot): boolean => {
    for (const el of root.querySelectorAll('*')) {
      if (++seen > MAX_OVERLAY_SCAN) return false;
      if (el.shadowRoot && !search(el.shadowRoot)) return false;
      if (own.has(el) || !(el instanceof HTMLElement || el instanceof SVGElement)) continue;
      const box = el.getBoundingClientRect();
      if (x < box.left || x > box.right || y < box.top || y > box.bottom) continue;
      if (getComputedStyle(el).pointerEvents === 'none' && paints(el)) candidates.push(el);
    }
    return true;
  };
  if (!search(document)) return null;
  return candidates.some((el) => drawnOver(el, x, y));
}

/** While the pointer is over the button, its box is read every frame: a move under the pointer is seen. */
function followWhileHovered(host: HTMLElement, button: HTMLElement): void {
  let frame = 0;
  const sample = (): void => {
    if (!host.isConnected) return;
    positions.get(host)?.sample(host.getBoundingClientRect(), performance.now(), layoutChangedAt());
    frame = requestAnimationFrame(sample);
  };
  button.addEventListener('pointerenter', () => {
    cancelAnimationFrame(frame);
    sample();
  });
  button.addEventListener('pointerleave', () => cancelAnimationFrame(frame));
  button.addEventListener('focus', () => positions.get(host)?.sample(host.getBoundingClientRect(), performance.now(), layoutChangedAt()));
}

/** Judges a click on the host's button from what the page shows at the click point. */
async function judge(host: HTMLElement, event: MouseEvent): Promise<ClickVerdict> {
  const now = performance.now();
  const rect = host.getBoundingClientRect();
  const position = positions.get(host) ?? new PositionHistory(now);
  position.sample(rect, now, layoutChangedAt());
  if (animating(host)) position.moving(now);
  // Keyboard activation has no pointer position: check the button's centre instead.
  const [x, y] = event.detail === 0 ? [rect.left + rect.width / 2, rect.top + rect.height / 2] : [event.clientX, event.clientY];
  const facts: ClickFacts = {
    isTrusted: event.isTrusted,
    topmostIsOurs: document.elementFromPoint(x, y) === host,
    coveredByPassThrough: null,
    ...drawing(host),
    visibility: getComputedStyle(host).visibility,
    width: rect.width,
    height: rect.height,
    isVisible: null,
    stableMs: position.stableMs(now),
  };
  const first = judgeClick(facts);
  if (first.action === 'refuse') return first;
  // The costlier checks, only for a click that passed the others.
  facts.coveredByPassThrough = passThroughCover(host, x, y);
  facts.isVisible = await visibilityNow(host);
  return judgeClick(facts);
}

/**
 * A call button for `number`, in a closed shadow root: the page can neither read nor click into it.
 * Only a trusted click on a button the user can see calls `onCall`. `dialled` is what the tooltip
 * and accessible name show: the number that will be dialled, never text the page chose. The host
 * comes back hidden and empty; revealButtons builds and shows it.
 */
export function createCallButton(number: string, dialled: string, onCall: CallRequest): HTMLElement {
  const host = document.createElement(HOST_TAG);
  host.style.cssText = HIDDEN_STYLE;
  unbuilt.set(host, () => buildButton(host, number, dialled, onCall));
  return host;
}

function buildButton(host: HTMLElement, number: string, dialled: string, onCall: CallRequest): void {
  const root = host.attachShadow({ mode: 'closed' });
  const parts = shared();
  root.adoptedStyleSheets = [parts.sheet];
  const button = document.createElement('button');
  button.type = 'button';
  button.title = `Call ${dialled}`;
  button.setAttribute('aria-label', `Call ${dialled}`);
  button.append(parts.icon.cloneNode(true));
  const status = document.createElement('span');
  status.setAttribute('role', 'status');
  root.append(button, status);

  followWhileHovered(host, button);

  button.addEventListener('click', async (event) => {
    // The page sees nothing of this click: no navigation of an enclosing link, no page handlers.
    event.preventDefault();
    event.stopPropagation();
    const verdict = await judge(host, event);
    if (verdict.action === 'refuse') return void console.debug(`click-to-call: click refused (${verdict.reason})`);
    if (verdict.action === 'confirm') console.debug(`click-to-call: the softphone asks to confirm (${verdict.reason})`);
    status.textContent = '';
    const result = await onCall(number, verdict.action === 'confirm');
    if (!result.ok) {
      status.textContent = result.message;
      setTimeout(() => (status.textContent = ''), 4000);
    }
  });
}
