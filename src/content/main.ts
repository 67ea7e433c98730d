import type { CountryCode } from 'libphonenumber-js/min';
import { appError } from '../calls/errors';
import { findNumbers } from '../clicktocall/detect';
import { isCallLink, linkTarget } from '../clicktocall/pageNumber';
import { errorText } from '../i18n/errorText';
import type { RequestPayload, Response } from '../protocol/api';
import { type ContentScriptRequest, onTabMessage } from '../protocol/clickToCall';
import { request } from '../protocol/client';
import { type CallRequest, createCallButton } from './callButton';
import { unwatchLayoutChanges, watchLayoutChanges } from './layoutChanges';
import { type Decorator, PageScanner } from './scanner';

/**
 * Click-to-call in a web page, on sites the agent enabled. Runs in the content script's isolated
 * world: the page can see the buttons' hosts but not into their closed shadow roots, cannot call
 * into this script, and nothing here listens to the page's messages.
 */

/** A content script's request to the service worker: only its own few, typed like every other request. */
function send<K extends ContentScriptRequest>(type: K, payload: RequestPayload<'background', K>): Promise<Response<'background', K>> {
  return request('background', type, payload);
}

const callFromButton: CallRequest = async (number, confirm) => {
  const result = await send('clickToCall', { number, via: confirm ? 'confirm' : 'button' }).catch(() => null);
  if (result === null) return { ok: false, message: errorText(appError('offscreen_unavailable')) };
  return result.ok ? { ok: true } : { ok: false, message: errorText(result.error) };
};

const decorator: Decorator = {
  afterText(node, numbers) {
    // The tooltip names the number dialled, not the text around it (which the page chose).
    const hosts = numbers.map(({ dial }) => createCallButton(dial, dial, callFromButton));
    node.after(...hosts);
    return hosts;
  },
  afterLink(link) {
    const href = link.getAttribute('href') ?? '';
    const host = createCallButton(href, linkTarget(href), callFromButton);
    link.after(host);
    return host;
  },
};

/** A trusted click on a page's tel:/callto:/sip: link opens the softphone with the number, to confirm. */
function onLinkClick(event: MouseEvent): void {
  if (!event.isTrusted || event.defaultPrevented || event.button !== 0) return;
  const link = (event.target as Element | null)?.closest?.('a[href]');
  const href = link?.getAttribute('href') ?? '';
  if (!link || !isCallLink(href)) return;
  event.preventDefault();
  void send('clickToCall', { number: href, via: 'link' }).catch(() => undefined);
}

const world = globalThis as { voipWidgetClickToCall?: boolean };

/**
 * Runs click-to-call in this page until the service worker says stop (the agent turned the site
 * off). Stopping takes everything away and clears the run-once mark, so turning the site on again
 * in the same tab (the script is injected again) starts afresh.
 */
async function start(): Promise<void> {
  const startedAt = performance.now();
  let scanner: PageScanner | null = null;
  let stopped = false;
  // Listening from the start: a stop may come while the setup is asked for.
  const stopListening = onTabMessage((message) => {
    if (message.clickToCall !== 'stop') return;
    stopped = true;
    scanner?.stop();
    unwatchLayoutChanges();
    document.removeEventListener('click', onLinkClick, true);
    stopListening();
    world.voipWidgetClickToCall = false;
  });
  const { country } = await send('clickToCallSetup', {});
  // The first search compiles libphonenumber's patterns: done in a task of its own, not in a slice.
  findNumbers('+32 2 555 12 34', country as CountryCode);
  await new Promise((resolve) => setTimeout(resolve));
  if (stopped) return;
  scanner = new PageScanner(document, country as CountryCode, decorator);
  document.addEventListener('click', onLinkClick, true);
  watchLayoutChanges(document);
  scanner.start();
  // A mark in the page's performance timeline, for profiling and the benchmark (no page data in it).
  await scanner.settled();
  // Intersections are computed in the next frame, and the buttons shown then are laid out in the one after.
  for (let frame = 0; frame < 2; frame++) await new Promise((resolve) => requestAnimationFrame(resolve));
  const { busyMs, slices, longestSliceMs } = scanner.scheduler.stats;
  performance.mark('voip-widget:first-scan', {
    detail: { busyMs, slices, longestSliceMs, found: scanner.found, waitingForView: scanner.waitingForView, startedAt },
  });
}

// Registered and also injected at once when the agent enables the site: one run at a time per page.
if (!world.voipWidgetClickToCall) {
  world.voipWidgetClickToCall = true;
  void start();
}
