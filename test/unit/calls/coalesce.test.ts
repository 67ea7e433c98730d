import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { coalesce } from '../../../src/calls/coalesce';

describe('coalescing snapshot broadcasts', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  test('the first change goes out at once; a burst goes out as its last value once per interval', () => {
    const sent: number[] = [];
    const publish = coalesce((n: number) => sent.push(n), 50);
    publish(1);
    expect(sent).toEqual([1]);
    for (let n = 2; n <= 1000; n++) publish(n);
    expect(sent).toEqual([1]);
    vi.advanceTimersByTime(50);
    expect(sent).toEqual([1, 1000]);
    vi.advanceTimersByTime(500);
    expect(sent).toEqual([1, 1000]);
    publish(1001);
    expect(sent).toEqual([1, 1000, 1001]);
  });

  test('a value that may not be folded goes out at once, with the one it follows', () => {
    const sent: string[] = [];
    const publish = coalesce(
      (s: string) => sent.push(s),
      50,
      (last, next) => next.startsWith('ended') && last !== next,
    );
    publish('a');
    publish('b');
    publish('ended 1');
    publish('ended 2');
    publish('c');
    expect(sent).toEqual(['a', 'ended 1', 'ended 2']);
    vi.advanceTimersByTime(50);
    expect(sent).toEqual(['a', 'ended 1', 'ended 2', 'c']);
  });

  test('whatever the timing, the last value always goes out, and never more than once per interval', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 120 }), { minLength: 1, maxLength: 200 }), (gaps) => {
        vi.setSystemTime(0);
        const sent: { value: number; at: number }[] = [];
        const publish = coalesce((value: number) => sent.push({ value, at: Date.now() }), 50);
        gaps.forEach((gap, i) => {
          vi.advanceTimersByTime(gap);
          publish(i);
        });
        vi.advanceTimersByTime(100);
        const spacedOut = sent.every((s, i) => i === 0 || s.at - sent[i - 1]!.at >= 50);
        return sent.at(-1)?.value === gaps.length - 1 && spacedOut;
      }),
    );
  });
});
