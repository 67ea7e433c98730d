import { HOST_TAG } from './hostTag';

/**
 * When the page last did something that can move what it shows: a DOM or style change (ours
 * aside), a scroll, a resize, a load (an image taking its size), a web font arriving, an animation
 * or transition starting or ending. The click guard counts a button's age from such a change
 * whenever it cannot tell that the button stayed where it was (PositionHistory).
 */
let changedAt = 0;
let stopWatching: (() => void) | null = null;

export function layoutChangedAt(): number {
  return changedAt;
}

const ours = (node: Node): boolean => node.nodeName === HOST_TAG.toUpperCase();

function onMutations(records: MutationRecord[]): void {
  for (const record of records) {
    if (ours(record.target)) continue;
    if (record.type === 'childList' && [...record.addedNodes, ...record.removedNodes].every(ours)) continue;
    changedAt = performance.now();
    return;
  }
}

const EVENTS = [
  'scroll',
  'resize',
  'load',
  'transitionrun',
  'transitionend',
  'transitioncancel',
  'animationstart',
  'animationiteration',
  'animationend',
  'animationcancel',
];

export function watchLayoutChanges(doc: Document): void {
  if (stopWatching !== null) return;
  const mark = (): void => {
    changedAt = performance.now();
  };
  const observer = new MutationObserver(onMutations);
  observer.observe(doc.documentElement, { childList: true, subtree: true, attributes: true, characterData: true });
  const options = { capture: true, passive: true };
  for (const type of EVENTS) doc.defaultView?.addEventListener(type, mark, options);
  doc.fonts?.addEventListener('loadingdone', mark);
  stopWatching = () => {
    observer.disconnect();
    for (const type of EVENTS) doc.defaultView?.removeEventListener(type, mark, options);
    doc.fonts?.removeEventListener('loadingdone', mark);
  };
}

export function unwatchLayoutChanges(): void {
  stopWatching?.();
  stopWatching = null;
}
