import type { CountryCode } from 'libphonenumber-js/min';
import { findNumbers, mayContainNumber } from '../clicktocall/detect';
import { isCallLink, reducePageNumber } from '../clicktocall/pageNumber';
import { SliceScheduler } from '../clicktocall/scheduler';
import { isEditable, skipElement } from '../clicktocall/skip';
import { HOST_TAG, revealButtons } from './callButton';
import { NearViewport } from './nearViewport';

/** Text nodes longer than this are searched a piece per step, so one huge paragraph cannot block. */
const PIECE = 10_000;
const EDITABLE_ANCESTOR = '[contenteditable]:not([contenteditable="false" i])';

export interface Decorator {
  /** Puts a call button after `node` for each number (text as written, number to dial). */
  afterText(node: Text, numbers: { text: string; dial: string }[]): HTMLElement[];
  /** Puts a call button after a tel:/callto:/sip: link. */
  afterLink(link: HTMLAnchorElement): HTMLElement | null;
}

function isCallLinkElement(node: Node): node is HTMLAnchorElement {
  return (node as Element).localName === 'a' && isCallLink((node as Element).getAttribute('href') ?? '');
}

function nextTask(run: () => void): void {
  // A MessageChannel message is a new task without setTimeout's clamping after nested timers.
  const channel = new MessageChannel();
  channel.port1.onmessage = () => run();
  channel.port2.postMessage(null);
}

/**
 * Finds phone numbers in a page and has them decorated: the whole body once, then only what the
 * page adds later, all in time slices. Buttons go after the text node, never inside it: splitting
 * a page's text nodes breaks frameworks that keep references to them.
 */
export class PageScanner {
  readonly scheduler = new SliceScheduler({ now: () => performance.now(), later: nextTask }, 8, () => this.nearViewport.place());
  private readonly observer = new MutationObserver((records) => this.onMutations(records));
  /** Our buttons, with the text node or link each one belongs to. */
  private readonly owner = new WeakMap<Node, Node>();
  private readonly hosts = new Set<HTMLElement>();
  private deferred: Node[] = [];
  /** Buttons are put in the page hidden, and shown when their number comes near the viewport. */
  private readonly nearViewport = new NearViewport(revealButtons);
  /**
   * Whether the user has a non-empty selection, kept from selectionchange events: getSelection()
   * brings style and layout up to date, which on a big page costs as much as a scan slice.
   */
  private selecting = false;
  private readonly onSelectionChange = (): void => {
    const selection = this.doc.getSelection();
    this.selecting = selection !== null && !selection.isCollapsed;
    if (!this.selecting) this.resumeDeferred();
  };
  found = 0;

  constructor(
    private readonly doc: Document,
    private readonly country: CountryCode,
    private readonly decorator: Decorator,
  ) {}

  start(): void {
    if (this.doc.designMode === 'on' || !this.doc.body) return;
    this.observer.observe(this.doc.body, { childList: true, subtree: true, characterData: true });
    this.doc.addEventListener('selectionchange', this.onSelectionChange);
    this.onSelectionChange();
    this.scan(this.doc.body);
  }

  stop(): void {
    this.observer.disconnect();
    this.doc.removeEventListener('selectionchange', this.onSelectionChange);
    this.scheduler.clear();
    this.nearViewport.stop();
    for (const host of this.hosts) host.remove();
    this.hosts.clear();
  }

  isOurs(node: Node): boolean {
    return node.nodeName === HOST_TAG.toUpperCase() && this.owner.has(node);
  }

  scan(root: Node): void {
    this.scheduler.add(this.walk(root));
  }

  /**
   * Visits the call links under `root`, then its text nodes. The text walk has no filter (a
   * filter is a call into script per node, which on a big page costs more than the search) and
   * only texts that may hold a number are checked for being somewhere we never touch.
   */
  private *walk(root: Node): Generator<void> {
    if (this.insideSkipped(root)) return;
    if (root.nodeType === Node.TEXT_NODE) {
      yield* this.visitText(root as Text);
      return;
    }
    if (root.nodeType !== Node.ELEMENT_NODE) return;
    if (isCallLinkElement(root)) {
      this.visitLink(root);
      return;
    }
    let count = 0;
    for (const link of (root as Element).querySelectorAll('a[href]')) {
      if (isCallLinkElement(link) && !this.insideSkipped(link)) this.visitLink(link);
      if (++count % 64 === 0) yield;
      // Rows the page removed before we got to them are not worth reading (nor decorating).
      if (!root.isConnected) return;
    }
    const walker = this.doc.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode() as Text | null; node !== null; node = walker.nextNode() as Text | null) {
      if (node.data.length >= 6 && mayContainNumber(node.data) && !this.insideSkipped(node)) {
        yield* this.visitText(node);
        yield;
      } else if (++count % 64 === 0) yield;
      if (!root.isConnected) return;
    }
  }

  private skips(element: Element): boolean {
    return skipElement({ tagName: element.tagName, contentEditable: element.getAttribute('contenteditable'), ownedByUs: this.isOurs(element) });
  }

  /** Whether a node sits inside something we never touch, or inside a call link (decorated as a whole). */
  private insideSkipped(node: Node): boolean {
    for (let el = node.nodeType === Node.ELEMENT_NODE ? (node as Element) : node.parentElement; el !== null; el = el.parentElement) {
      if (this.skips(el) || (el !== node && isCallLinkElement(el))) return true;
    }
    return (node.parentElement?.closest(EDITABLE_ANCESTOR) ?? null) !== null;
  }

  private *visitText(node: Text): Generator<void> {
    const text = node.data;
    if (text.length < 6) return;
    if (this.alreadyDecorated(node)) return void this.readopt(node, node.parentElement);
    const numbers: { text: string; dial: string }[] = [];
    for (let offset = 0; offset < text.length; offset += PIECE) {
      const piece = text.length <= PIECE ? text : text.slice(offset, offset + PIECE);
      if (mayContainNumber(piece)) {
        for (const found of findNumbers(piece, this.country)) {
          const reduced = reducePageNumber(found.e164, null);
          if (reduced.ok) numbers.push({ text: found.text, dial: reduced.dial });
        }
      }
      if (offset + PIECE < text.length) yield;
    }
    if (numbers.length === 0 || !node.isConnected) return;
    if (this.isSelecting(node)) {
      this.deferred.push(node);
      return;
    }
    for (const host of this.decorator.afterText(node, numbers)) this.own(host, node, node.parentElement);
  }

  private visitLink(link: HTMLAnchorElement): void {
    if (this.alreadyDecorated(link)) return void this.readopt(link, link);
    const host = this.decorator.afterLink(link);
    if (host) this.own(host, link, link);
  }

  private own(host: HTMLElement, owner: Node, anchor: Element | null): void {
    this.owner.set(host, owner);
    this.hosts.add(host);
    this.found++;
    if (anchor !== null) this.nearViewport.add(host, anchor);
  }

  /**
   * A text or link that comes back with its buttons (the page moved it, or put back a row it had
   * taken away): its buttons are ours again, and shown when they come near the viewport.
   */
  private readopt(owner: Node, anchor: Element | null): void {
    for (let next = owner.nextSibling; next !== null && this.owner.get(next) === owner; next = next.nextSibling) {
      const host = next as HTMLElement;
      if (this.hosts.has(host)) continue;
      this.hosts.add(host);
      if (anchor !== null) this.nearViewport.add(host, anchor);
    }
  }

  /** Our buttons that left the page with what the page removed: forgotten, with whatever watches them. */
  private dropDetached(): void {
    for (const host of this.hosts) if (!host.isConnected) this.hosts.delete(host);
    this.deferred = this.deferred.filter((node) => node.isConnected);
    this.nearViewport.dropDetached();
  }

  /** Resolves when every number found so far has its button, shown or waiting to come into view. */
  async settled(): Promise<void> {
    do {
      await this.scheduler.idle();
      await this.nearViewport.grouping;
    } while (this.scheduler.busy);
  }

  /** Buttons placed but not shown yet, because their numbers are far from the viewport. */
  get waitingForView(): number {
    return this.nearViewport.waiting;
  }

  private alreadyDecorated(node: Node): boolean {
    const next = node.nextSibling;
    return next !== null && this.owner.get(next) === node;
  }

  private isSelecting(node: Node): boolean {
    return this.selecting && (this.doc.getSelection()?.containsNode(node, true) ?? false);
  }

  private resumeDeferred(): void {
    for (const node of this.deferred.splice(0)) if (node.isConnected) this.scan(node);
  }

  private onMutations(records: MutationRecord[]): void {
    let removed = false;
    for (const record of records) {
      if (record.type === 'characterData') {
        // The page rewrote a text: its old buttons go, the new text is read again.
        const text = record.target;
        for (let next = text.nextSibling; next !== null && this.owner.get(next) === text; next = text.nextSibling) {
          this.hosts.delete(next as HTMLElement);
          next.remove();
        }
        this.scan(text);
        continue;
      }
      for (const node of record.addedNodes) if (!this.isOurs(node) && node.isConnected) this.scan(node);
      for (const node of record.removedNodes) {
        if (this.isOurs(node)) this.hosts.delete(node as HTMLElement);
        else if (node.nodeType === Node.ELEMENT_NODE) removed = true;
      }
    }
    // A removed row takes its buttons along: they are dropped here, not kept until the page ends.
    if (removed) this.dropDetached();
  }
}
