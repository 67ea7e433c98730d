import type { CountryCode } from 'libphonenumber-js/min';
import { type FoundNumber, findNumbers, findNumbersInTexts, mayContainNumber } from '../clicktocall/detect';
import { isCallLink, reducePageNumber } from '../clicktocall/pageNumber';
import { SliceScheduler } from '../clicktocall/scheduler';
import { skipElement } from '../clicktocall/skip';
import { HOST_TAG, revealButtons } from './callButton';
import { NearViewport } from './nearViewport';

/** Text nodes longer than this are searched a piece per step, so one huge paragraph cannot block. */
const PIECE = 10_000;
/** Short texts searched together in one step (the scheduler reads its clock every 16 steps). */
const BATCH = 8;
const EDITABLE_ANCESTOR = '[contenteditable]:not([contenteditable="false" i])';

type Numbers = { text: string; dial: string }[];
/** What a call link waits with: its number is its href. */
const LINK = 'link';

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
 * page adds later, all in time slices. A number's button is made when the number comes near the
 * viewport, so a 10,000-row table costs the page a few screens of buttons, not 10,000 elements.
 * Buttons go after the text node, never inside it: splitting a page's text nodes breaks
 * frameworks that keep references to them.
 */
export class PageScanner {
  readonly scheduler = new SliceScheduler({ now: () => performance.now(), later: nextTask }, 8, () => this.nearViewport.place());
  private readonly observer = new MutationObserver((records) => this.onMutations(records));
  /** Our buttons, with the text node or link each one belongs to. */
  private readonly owner = new WeakMap<Node, Node>();
  private readonly hosts = new Set<HTMLElement>();
  /** Texts and links with numbers whose buttons are not made yet: until they come near the viewport. */
  private readonly waiting = new Map<Node, Numbers | typeof LINK>();
  /** Holders that came near the viewport while the user was selecting them. */
  private deferred: Node[] = [];
  private readonly nearViewport = new NearViewport((holders) => this.decorate(holders));
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
    this.waiting.clear();
    this.deferred = [];
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
    // Which elements under root are skipped (themselves or through an ancestor), each read once:
    // the texts of a table share all their ancestors but one or two.
    const skipped = new Map<Element, boolean>([[root as Element, false]]);
    let count = 0;
    for (const link of (root as Element).querySelectorAll('a[href]')) {
      if (isCallLinkElement(link) && !this.skippedFrom(link.parentElement, skipped)) this.visitLink(link);
      if (++count % 64 === 0) yield;
      // Rows the page removed before we got to them are not worth reading (nor decorating).
      if (!root.isConnected) return;
    }
    // Short texts that may hold a number are searched together, a batch per step.
    const batch: Text[] = [];
    const walker = this.doc.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode() as Text | null; node !== null; node = walker.nextNode() as Text | null) {
      if (node.data.length >= 6 && mayContainNumber(node.data) && !this.skippedFrom(node.parentElement, skipped)) {
        if (node.data.length > PIECE) {
          yield* this.visitLongText(node);
          yield;
        } else if (batch.push(node) === BATCH) {
          this.visitTexts(batch.splice(0));
          yield;
        }
      } else if (++count % 64 === 0) yield;
      if (!root.isConnected) return;
    }
    this.visitTexts(batch);
  }

  /**
   * Whether `element` or one of its ancestors below the walk's root is skipped or a call link,
   * remembered in `known` for each element on the way up.
   */
  private skippedFrom(element: Element | null, known: Map<Element, boolean>): boolean {
    const path: Element[] = [];
    let verdict = false;
    for (let el = element; el !== null; el = el.parentElement) {
      const seen = known.get(el);
      if (seen !== undefined) {
        verdict = seen;
        break;
      }
      path.push(el);
      if (this.skips(el) || isCallLinkElement(el)) {
        verdict = true;
        break;
      }
    }
    for (const el of path) known.set(el, verdict);
    return verdict;
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

  /** Searches a text for numbers, a piece per step: a text shorter than a piece is done in its first step. */
  private *visitText(node: Text): Generator<void> {
    if (node.data.length > PIECE) yield* this.visitLongText(node);
    else this.visitTexts([node]);
  }

  /** Texts not visited yet, searched together. */
  private visitTexts(nodes: Text[]): void {
    const fresh = nodes.filter((node) => this.isNew(node));
    if (fresh.length === 0) return;
    const found = findNumbersInTexts(
      fresh.map((node) => node.data),
      this.country,
    );
    for (const [i, node] of fresh.entries()) this.keep(node, found[i]!);
  }

  /** A text longer than a search piece: searched a piece per step. */
  private *visitLongText(node: Text): Generator<void> {
    if (!this.isNew(node)) return;
    const text = node.data;
    const found: FoundNumber[] = [];
    for (let offset = 0; offset < text.length; offset += PIECE) {
      found.push(...findNumbers(text.slice(offset, offset + PIECE), this.country));
      if (offset + PIECE < text.length) yield;
    }
    this.keep(node, found);
  }

  /** Whether a text is worth searching: neither decorated already (its buttons are ours again) nor waiting. */
  private isNew(node: Text): boolean {
    if (node.data.length < 6 || this.waiting.has(node)) return false;
    if (!this.alreadyDecorated(node)) return true;
    this.readopt(node);
    return false;
  }

  /** The numbers found in a text wait for it to come near the viewport. */
  private keep(node: Text, found: readonly FoundNumber[]): void {
    const numbers: Numbers = [];
    for (const { text, e164 } of found) {
      const reduced = reducePageNumber(e164, null);
      if (reduced.ok) numbers.push({ text, dial: reduced.dial });
    }
    const anchor = node.parentElement;
    if (numbers.length === 0 || !node.isConnected || anchor === null) return;
    this.waiting.set(node, numbers);
    this.found += numbers.length;
    this.nearViewport.add(node, anchor);
  }

  private visitLink(link: HTMLAnchorElement): void {
    if (this.alreadyDecorated(link)) return void this.readopt(link);
    if (this.waiting.has(link)) return;
    this.waiting.set(link, LINK);
    this.found++;
    this.nearViewport.add(link, link);
  }

  /**
   * Makes and shows the buttons of texts and links that came near the viewport. One the user is
   * selecting waits until the selection ends: a button put into a selection changes what is copied.
   */
  private decorate(holders: Iterable<Node>): void {
    const made: HTMLElement[] = [];
    for (const holder of holders) {
      const numbers = this.waiting.get(holder);
      if (numbers === undefined || !holder.isConnected) continue;
      if (this.isSelecting(holder)) {
        this.deferred.push(holder);
        continue;
      }
      this.waiting.delete(holder);
      const hosts = numbers === LINK ? [this.decorator.afterLink(holder as HTMLAnchorElement)] : this.decorator.afterText(holder as Text, numbers);
      for (const host of hosts) {
        if (host === null) continue;
        this.owner.set(host, holder);
        this.hosts.add(host);
        made.push(host);
      }
    }
    revealButtons(made);
  }

  /** A text or link that comes back with its buttons (the page moved it, or put back a row it had taken away): its buttons are ours again. */
  private readopt(owner: Node): void {
    for (let next = owner.nextSibling; next !== null && this.owner.get(next) === owner; next = next.nextSibling) this.hosts.add(next as HTMLElement);
  }

  /** Our buttons and waiting numbers that left the page with what the page removed: forgotten, with whatever watches them. */
  private dropDetached(): void {
    for (const host of this.hosts) if (!host.isConnected) this.hosts.delete(host);
    for (const holder of this.waiting.keys()) if (!holder.isConnected) this.waiting.delete(holder);
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

  /** Texts and links whose buttons are not made yet, because their numbers are far from the viewport. */
  get waitingForView(): number {
    return this.waiting.size;
  }

  private alreadyDecorated(node: Node): boolean {
    const next = node.nextSibling;
    return next !== null && this.owner.get(next) === node;
  }

  private isSelecting(node: Node): boolean {
    return this.selecting && (this.doc.getSelection()?.containsNode(node, true) ?? false);
  }

  private resumeDeferred(): void {
    this.decorate(this.deferred.splice(0));
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
        this.waiting.delete(text);
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
