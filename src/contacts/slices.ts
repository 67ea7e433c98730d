/**
 * Long work written as a generator that yields wherever it may stop, run either at once or in
 * slices of a few milliseconds with the event loop free between them. The softphone's document
 * indexes and reads contacts this way: an INVITE arriving meanwhile waits one slice, not the
 * whole job.
 */
export type Steps<T> = Generator<void, T, void>;

export function runToEnd<T>(steps: Steps<T>): T {
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
  }
}

/**
 * The next task of the event loop. A message on a channel, not `setTimeout(0)` (clamped to 4 ms
 * once nested) nor `scheduler.yield()` (its continuation runs ahead of the tasks already waiting,
 * such as a WebSocket message).
 */
export function nextTask(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

/** Runs `steps` in slices of about `sliceMs`; null when `cancelled()` says so between two slices. */
export async function runSliced<T>(steps: Steps<T>, sliceMs: number, cancelled: () => boolean, now = () => performance.now()): Promise<T | null> {
  let sliceStart = now();
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
    if (now() - sliceStart < sliceMs) continue;
    await nextTask();
    if (cancelled()) {
      steps.return(undefined as never);
      return null;
    }
    sliceStart = now();
  }
}

/** Items sorted in runs of this many before they are merged. */
const RUN = 256;
/** Items moved between two yields while merging. */
const MOVES_PER_STEP = 2048;

/**
 * A stable sort in steps: runs of a few hundred sorted by `Array.prototype.sort` (stable), then
 * merged pairwise, the left run first on ties: the order `items.slice().sort(compare)` gives.
 */
export function* sortSteps<T>(items: readonly T[], compare: (a: T, b: T) => number): Steps<T[]> {
  let from: T[] = items.slice();
  const length = from.length;
  for (let lo = 0; lo < length; lo += RUN) {
    const run = from.slice(lo, lo + RUN).sort(compare);
    for (let i = 0; i < run.length; i++) from[lo + i] = run[i] as T;
    yield;
  }
  let to: T[] = new Array<T>(length);
  let moves = 0;
  for (let width = RUN; width < length; width *= 2) {
    for (let lo = 0; lo < length; lo += 2 * width) {
      const mid = Math.min(lo + width, length);
      const hi = Math.min(lo + 2 * width, length);
      let left = lo;
      let right = mid;
      for (let out = lo; out < hi; out++) {
        if (right >= hi || (left < mid && compare(from[left] as T, from[right] as T) <= 0)) to[out] = from[left++] as T;
        else to[out] = from[right++] as T;
        if (++moves % MOVES_PER_STEP === 0) yield;
      }
    }
    [from, to] = [to, from];
  }
  return from;
}

/**
 * For a loop that cannot be a generator (it awaits): `if (slice.due()) await slice.pause();`
 * between two items gives the event loop a turn once `sliceMs` have passed.
 */
export function timeSlice(sliceMs: number, now = () => performance.now()): { due(): boolean; pause(): Promise<void> } {
  let start = now();
  return {
    due: () => now() - start >= sliceMs,
    pause: async () => {
      await nextTask();
      start = now();
    },
  };
}
