import { judgeClick } from '../clicktocall/clickGuard';

export const HOST_TAG = 'voip-widget-call';

/** Host styles inline and !important: they beat any page rule, so the page cannot resize or hide it by CSS. */
const HOST_STYLE = [
  'all: initial', 'display: inline-block', 'position: static', 'width: 1.15em', 'height: 1.15em', 'min-width: 14px', 'min-height: 14px',
  'margin: 0 0 0 0.3em', 'padding: 0', 'vertical-align: -0.2em', 'line-height: 0', 'opacity: 1', 'visibility: visible', 'pointer-events: auto',
].map((rule) => `${rule} !important`).join('; ');

/**
 * A host is put in the page empty and hidden (no layout object, so no relayout), and only gets its
 * button and is shown by revealButtons when its number comes near the viewport: a page's layout
 * can be expensive (each call button added to a 10,000-row table costs the table's relayout some
 * 25 µs on a slow machine), so the page should lay out the buttons someone can see, not all of them.
 */
const HIDDEN_STYLE = 'all: initial !important; display: none !important';
const shownAt = new WeakMap<Element, number>();
const unbuilt = new WeakMap<HTMLElement, () => void>();

export function revealButtons(hosts: Iterable<HTMLElement>): void {
  const now = performance.now();
  for (const host of hosts) {
    const build = unbuilt.get(host);
    if (build === undefined) continue;
    unbuilt.delete(host);
    build();
    host.style.cssText = HOST_STYLE;
    shownAt.set(host, now);
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

const PHONE_PATH = 'M6.6 10.8a15.1 15.1 0 0 0 6.6 6.6l2.2-2.2a1 1 0 0 1 1-.25 11.4 11.4 0 0 0 3.6.57 1 1 0 0 1 1 1V20a1 1 0 0 1-1 1A17 17 0 0 1 3 4a1 1 0 0 1 1-1h3.5a1 1 0 0 1 1 1c0 1.25.2 2.45.57 3.57a1 1 0 0 1-.25 1z';

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

export type CallRequest = (number: string) => Promise<{ ok: true } | { ok: false; message: string }>;

/** Tracks whether an element is really visible (IntersectionObserver v2: occlusion, opacity, filters). */
function visibilityTracker(host: Element): { verdict(): Promise<boolean | null>; stop(): void } {
  let latest: boolean | null = null;
  let observer: IntersectionObserver | null = null;
  let waiting: ((visible: boolean | null) => void)[] = [];
  const start = (): void => {
    if (observer !== null) return;
    try {
      observer = new IntersectionObserver(
        (entries) => {
          const entry = entries[entries.length - 1] as IntersectionObserverEntry & { isVisible?: boolean };
          latest = entry.isVisible ?? null;
          for (const resolve of waiting.splice(0)) resolve(latest);
        },
        { trackVisibility: true, delay: 100 } as IntersectionObserverInit,
      );
      observer.observe(host);
    } catch {
      observer = null; // no IntersectionObserver v2: the other checks still apply
    }
  };
  return {
    verdict: () => {
      start();
      if (observer === null) return Promise.resolve(null);
      // Ask for a fresh observation: the page may have changed what covers the button since.
      return new Promise((resolve) => {
        waiting.push(resolve);
        setTimeout(() => resolve(latest), 250);
      });
    },
    stop: () => {
      observer?.disconnect();
      observer = null;
      waiting = [];
    },
  };
}

function opacityChain(element: Element): number {
  let opacity = 1;
  for (let el: Element | null = element; el !== null && opacity > 0; el = el.parentElement) opacity *= Number(getComputedStyle(el).opacity);
  return opacity;
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

  let tracker: ReturnType<typeof visibilityTracker> | null = null;
  const trackerOf = (): ReturnType<typeof visibilityTracker> => {
    tracker ??= visibilityTracker(host);
    return tracker;
  };
  const track = (): void => void trackerOf().verdict();
  button.addEventListener('pointerenter', track);
  button.addEventListener('focus', track);

  button.addEventListener('click', async (event) => {
    // The page sees nothing of this click: no navigation of an enclosing link, no page handlers.
    event.preventDefault();
    event.stopPropagation();
    const rect = host.getBoundingClientRect();
    // Keyboard activation has no pointer position: check the button's centre instead.
    const [x, y] = event.detail === 0 ? [rect.left + rect.width / 2, rect.top + rect.height / 2] : [event.clientX, event.clientY];
    const verdict = judgeClick({
      isTrusted: event.isTrusted,
      topmostIsOurs: document.elementFromPoint(x, y) === host,
      opacity: opacityChain(host),
      visibility: getComputedStyle(host).visibility,
      width: rect.width,
      height: rect.height,
      isVisible: event.isTrusted ? await trackerOf().verdict() : null,
      ageMs: performance.now() - (shownAt.get(host) ?? Infinity),
    });
    if (!verdict.ok) return void console.debug(`click-to-call: click refused (${verdict.reason})`);
    status.textContent = '';
    const result = await onCall(number);
    if (!result.ok) {
      status.textContent = result.message;
      setTimeout(() => (status.textContent = ''), 4000);
    }
  });
}
