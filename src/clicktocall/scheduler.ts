export interface SliceClock {
  now(): number;
  /** Runs `next` in a later task, letting the page handle input and paint in between. */
  later(next: () => void): void;
}

export interface SliceStats {
  /** Time spent working, summed over slices. */
  busyMs: number;
  slices: number;
  longestSliceMs: number;
  steps: number;
}

/**
 * Runs small steps of work in time slices of at most `budgetMs` each (a step is expected to be far
 * shorter than the budget), so that no task of ours keeps the main thread long. Sources are
 * iterators: a step is one `next()`. Work added while a run is going on joins the queue.
 */
export class SliceScheduler {
  private readonly queue: Iterator<unknown>[] = [];
  private scheduled = false;
  private idleWaiters: (() => void)[] = [];
  readonly stats: SliceStats = { busyMs: 0, slices: 0, longestSliceMs: 0, steps: 0 };

  constructor(
    private readonly clock: SliceClock,
    private readonly budgetMs = 8,
    /** Called when the queue runs empty; work it adds runs before idle() resolves. */
    private readonly whenDrained: () => void = () => undefined,
  ) {}

  add(work: Iterator<unknown>): void {
    this.queue.push(work);
    this.schedule();
  }

  get busy(): boolean {
    return this.queue.length > 0;
  }

  /** Resolves when every queued step has run. */
  idle(): Promise<void> {
    if (!this.busy) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  clear(): void {
    this.queue.length = 0;
  }

  private schedule(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    this.clock.later(() => this.runSlice());
  }

  private runSlice(): void {
    this.scheduled = false;
    const start = this.clock.now();
    let now = start;
    // The clock is read after every step: a step is a batch of texts searched, or dozens of texts
    // passed over, so a slice ends within one step of its budget.
    while (this.queue.length > 0 && now - start < this.budgetMs) {
      this.stats.steps++;
      if (this.queue[0]!.next().done) this.queue.shift();
      now = this.clock.now();
    }
    const spent = now - start;
    this.stats.busyMs += spent;
    this.stats.slices++;
    this.stats.longestSliceMs = Math.max(this.stats.longestSliceMs, spent);
    if (this.queue.length === 0) this.whenDrained();
    if (this.queue.length > 0) this.schedule();
    else for (const resolve of this.idleWaiters.splice(0)) resolve();
  }
}
