/**
 * Keeps a NOTIFY flood from one colleague (a broken or hostile PBX) from costing the softphone
 * more than a few parses a second: a token bucket per colleague. A NOTIFY over budget is not lost:
 * the latest one waits and is read when the bucket has a token again, so the state shown is the
 * last one the PBX sent, only later.
 */
export class NotifyBudget<T> {
  private readonly buckets = new Map<string, { tokens: number; at: number; waiting: T | null; timer: ReturnType<typeof setTimeout> | null }>();

  constructor(
    private readonly handle: (key: string, item: T) => void,
    private readonly perSecond = 5,
    private readonly burst = 10,
    private readonly now: () => number = Date.now,
  ) {}

  offer(key: string, item: T): void {
    const bucket = this.refill(key);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      this.handle(key, item);
      return;
    }
    bucket.waiting = item;
    if (bucket.timer !== null) return;
    const wait = Math.ceil(((1 - bucket.tokens) / this.perSecond) * 1000);
    bucket.timer = setTimeout(() => {
      bucket.timer = null;
      const waiting = bucket.waiting;
      bucket.waiting = null;
      if (waiting !== null) this.offer(key, waiting);
    }, wait);
  }

  /** Forgets a colleague (their subscription ended): what waited for them is dropped. */
  forget(key: string): void {
    const bucket = this.buckets.get(key);
    if (bucket?.timer) clearTimeout(bucket.timer);
    this.buckets.delete(key);
  }

  clear(): void {
    for (const key of [...this.buckets.keys()]) this.forget(key);
  }

  private refill(key: string) {
    const now = this.now();
    let bucket = this.buckets.get(key);
    if (!bucket) {
      bucket = { tokens: this.burst, at: now, waiting: null, timer: null };
      this.buckets.set(key, bucket);
    }
    bucket.tokens = Math.min(this.burst, bucket.tokens + ((now - bucket.at) / 1000) * this.perSecond);
    bucket.at = now;
    return bucket;
  }
}
