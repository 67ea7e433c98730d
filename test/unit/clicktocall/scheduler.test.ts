import { describe, expect, test } from 'vitest';
import { SliceScheduler } from '../../../src/clicktocall/scheduler';

/** A clock that advances only when work says so, and a task queue run by hand. */
function fakeClock() {
  let now = 0;
  const tasks: (() => void)[] = [];
  return {
    clock: {
      now: () => now,
      later: (run: () => void) => {
        tasks.push(run);
      },
    },
    advance: (ms: number) => {
      now += ms;
    },
    runTasks(): number {
      let count = 0;
      while (tasks.length > 0) {
        tasks.shift()!();
        count++;
      }
      return count;
    },
    pending: () => tasks.length,
  };
}

function* steps(count: number, each: () => void): Generator<void> {
  for (let i = 0; i < count; i++) {
    each();
    yield;
  }
}

describe('SliceScheduler', () => {
  test('runs nothing synchronously: work waits for a later task', () => {
    const fake = fakeClock();
    let ran = 0;
    new SliceScheduler(fake.clock, 8).add(steps(3, () => ran++));
    expect(ran).toBe(0);
    expect(fake.pending()).toBe(1);
  });

  test('cuts work into slices no longer than the budget (plus one step)', () => {
    const fake = fakeClock();
    const scheduler = new SliceScheduler(fake.clock, 8);
    let ran = 0;
    scheduler.add(
      steps(1000, () => {
        ran++;
        fake.advance(0.1);
      }),
    );
    const slices = fake.runTasks();
    expect(ran).toBe(1000);
    expect(slices).toBeGreaterThan(10);
    expect(scheduler.stats.longestSliceMs).toBeLessThanOrEqual(8 + 0.1 + 1e-9);
    expect(scheduler.stats.busyMs).toBeCloseTo(100, 5);
    expect(scheduler.stats.slices).toBe(slices);
  });

  test('runs sources in the order they were added, and work added meanwhile joins the queue', () => {
    const fake = fakeClock();
    const scheduler = new SliceScheduler(fake.clock, 8);
    const order: string[] = [];
    scheduler.add(steps(2, () => order.push('a')));
    scheduler.add(
      (function* () {
        order.push('b');
        scheduler.add(steps(1, () => order.push('c')));
        yield;
      })(),
    );
    fake.runTasks();
    expect(order).toEqual(['a', 'a', 'b', 'c']);
  });

  test('idle() resolves once everything queued has run', async () => {
    const fake = fakeClock();
    const scheduler = new SliceScheduler(fake.clock, 1);
    scheduler.add(steps(100, () => fake.advance(0.5)));
    let idle = false;
    void scheduler.idle().then(() => (idle = true));
    await Promise.resolve();
    expect(idle).toBe(false);
    fake.runTasks();
    await Promise.resolve();
    expect(idle).toBe(true);
    expect(scheduler.busy).toBe(false);
  });

  test('clear() drops queued work', () => {
    const fake = fakeClock();
    const scheduler = new SliceScheduler(fake.clock, 8);
    let ran = 0;
    scheduler.add(steps(10, () => ran++));
    scheduler.clear();
    fake.runTasks();
    expect(ran).toBe(0);
  });
});

describe('SliceScheduler when drained', () => {
  test('runs work added when the queue runs empty before idle resolves, and only then', async () => {
    const fake = fakeClock();
    const order: string[] = [];
    let drained = 0;
    const scheduler: SliceScheduler = new SliceScheduler(fake.clock, 8, () => {
      drained++;
      if (drained === 1) scheduler.add(steps(2, () => order.push('after')));
    });
    scheduler.add(steps(2, () => order.push('scan')));
    let idle = false;
    void scheduler.idle().then(() => (idle = true));
    fake.runTasks();
    await Promise.resolve();
    expect(order).toEqual(['scan', 'scan', 'after', 'after']);
    expect(drained).toBe(2);
    expect(idle).toBe(true);
  });
});
