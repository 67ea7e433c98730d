import { ViewGroups } from '../clicktocall/viewGroups';

/** Up to this many numbers get their buttons at once, wherever they are: their layout is cheap. */
const SHOW_AT_ONCE = 200;
/** Numbers whose buttons come together when their group comes near: each showing costs the page a relayout. */
const MAX_GROUP = 100;

interface Placed {
  /** What holds the numbers: a text node or a call link. */
  holder: Node;
  /** The element holding the number (a text's parent, or the link). */
  anchor: Element;
}

/**
 * Says when numbers come within a screen of the viewport, for their call buttons to be made then.
 * On a page with a few numbers all are given at once; with thousands, making and showing every
 * button would make the browser lay out thousands of new boxes (most of a second for a
 * 10,000-row table on a slow machine), and watching each number would cost every frame of
 * scrolling. So numbers are grouped by position, half a screen per group, and only each group's
 * first number is watched.
 */
export class NearViewport {
  private queued: Placed[] = [];
  private positionsRead: Promise<void> = Promise.resolve();
  private stopped = false;
  private readonly groups = new Map<Element, Placed[]>();
  private readonly observer = new IntersectionObserver((entries) => this.onEntries(entries), { rootMargin: '100% 0px' });

  constructor(private readonly show: (holders: Node[]) => void) {}

  /** Numbers in `holder`, whose element is `anchor`, to be given or grouped by the next place(). */
  add(holder: Node, anchor: Element): void {
    this.queued.push({ holder, anchor });
  }

  /** Gives or groups the numbers added since the last call. */
  place(): void {
    const placed = this.queued.splice(0).filter(({ holder }) => holder.isConnected);
    if (placed.length === 0) return;
    if (placed.length <= SHOW_AT_ONCE) {
      this.show(placed.map(({ holder }) => holder));
      return;
    }
    this.positionsRead = readPositions(placed.map(({ anchor }) => anchor)).then((tops) => this.group(placed, tops));
  }

  /** Resolves once the last numbers added are grouped, or given. */
  get grouping(): Promise<void> {
    return this.positionsRead;
  }

  /** How many holders of numbers are waiting to come near the viewport. */
  get waiting(): number {
    let count = this.queued.length;
    for (const group of this.groups.values()) count += group.length;
    return count;
  }

  /**
   * Forgets the numbers the page took away with their rows, and stops watching their rows: a long
   * single-page session adds and removes rows all day, and nothing of a removed row may stay here.
   */
  dropDetached(): void {
    this.queued = this.queued.filter(({ holder }) => holder.isConnected);
    for (const [sentinel, group] of this.groups) {
      const kept = group.filter(({ holder }) => holder.isConnected);
      if (kept.length === group.length && sentinel.isConnected) continue;
      this.observer.unobserve(sentinel);
      this.groups.delete(sentinel);
      // The rest of a group whose first row went is watched through its new first row.
      if (kept.length > 0) this.watch(kept);
    }
  }

  stop(): void {
    this.stopped = true;
    this.observer.disconnect();
    this.groups.clear();
    this.queued = [];
  }

  private group(placed: Placed[], tops: Map<Element, number | null>): void {
    if (this.stopped) return;
    const groups = new ViewGroups(innerHeight / 2, MAX_GROUP);
    let current: Placed[] = [];
    for (const item of placed) {
      if (groups.startsGroup(tops.get(item.anchor) ?? null) && current.length > 0) {
        this.watch(current);
        current = [];
      }
      current.push(item);
    }
    if (current.length > 0) this.watch(current);
  }

  private watch(group: Placed[]): void {
    const sentinel = group.find(({ anchor }) => anchor.isConnected)?.anchor ?? group[0]!.anchor;
    const known = this.groups.get(sentinel);
    if (known !== undefined) known.push(...group);
    else {
      this.groups.set(sentinel, group);
      this.observer.observe(sentinel);
    }
  }

  private onEntries(entries: IntersectionObserverEntry[]): void {
    const near: Node[] = [];
    for (const entry of entries) {
      if (!entry.isIntersecting) continue;
      for (const { holder } of this.groups.get(entry.target) ?? []) if (holder.isConnected) near.push(holder);
      this.groups.delete(entry.target);
      this.observer.unobserve(entry.target);
    }
    if (near.length > 0) this.show(near);
  }
}

/**
 * The document offsets of `elements` (null for one without a box), from a one-shot
 * IntersectionObserver: it reports after the browser's own layout of the next frame, whereas
 * reading each element's position would make the browser lay out the page within our task.
 */
function readPositions(elements: Element[]): Promise<Map<Element, number | null>> {
  const unique = new Set(elements);
  const tops = new Map<Element, number | null>();
  return new Promise((resolve) => {
    const observer = new IntersectionObserver((entries) => {
      for (const { target, boundingClientRect: rect } of entries) tops.set(target, rect.width === 0 && rect.height === 0 ? null : rect.top + scrollY);
      if (tops.size < unique.size) return;
      observer.disconnect();
      resolve(tops);
    });
    for (const element of unique) observer.observe(element);
  });
}
