import fc from 'fast-check';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { NotifyBudget } from '../../../src/colleagues/notifyBudget';
import { entityIsExtension, resubscribeDelayMs } from '../../../src/colleagues/resubscribe';
import { importColleagueSettings, MAX_COLLEAGUES, parseColleagueSettings, storedColleagueSettings } from '../../../src/colleagues/settings';

const bob = { name: 'Bob', extension: '102' };

describe('colleague settings', () => {
  test.each([
    ['a colleague and a quick call', { colleagues: [bob], quickCalls: [{ name: 'Head office', number: '+32 2 555 12 34' }], pickupCode: '**' }, true],
    ['nothing at all', {}, true],
    ['an empty name', { colleagues: [{ name: ' ', extension: '102' }] }, 'required'],
    ['an extension with letters', { colleagues: [{ name: 'Bob', extension: '10a' }] }, 'not_dialable'],
    ['the same name twice', { colleagues: [bob, { name: 'BOB', extension: '103' }] }, 'duplicate_name'],
    ['the same extension twice', { colleagues: [bob, { name: 'Robert', extension: '102' }] }, 'duplicate_number'],
    ['a quick call that cannot be dialled', { quickCalls: [{ name: 'Shop', number: 'call me' }] }, 'not_dialable'],
    ['a pickup code with letters', { pickupCode: 'ab' }, 'not_dialable'],
    ['too many colleagues', { colleagues: Array.from({ length: MAX_COLLEAGUES + 1 }, (_, i) => ({ name: `C${i}`, extension: String(200 + i) })) }, 'too_many'],
  ])('%s', (_name, input, expected) => {
    const parsed = parseColleagueSettings(input);
    if (expected === true) expect(parsed.ok).toBe(true);
    else expect(parsed.ok ? [] : parsed.errors.map((e) => e.code)).toContain(expected);
  });

  test('a file may be a bare list of colleagues; broken JSON is refused', () => {
    expect(importColleagueSettings(JSON.stringify([bob]))).toEqual({ ok: true, value: { colleagues: [bob], quickCalls: [], pickupCode: '' } });
    expect(importColleagueSettings('{').ok).toBe(false);
  });

  test('damaged storage costs the damaged entry, not the list', () => {
    expect(storedColleagueSettings({ colleagues: [bob, { name: 3 }, { name: 'Bob', extension: '105' }], pickupCode: 'x' })).toEqual({
      colleagues: [bob],
      quickCalls: [],
      pickupCode: '',
    });
    fc.assert(
      fc.property(fc.anything(), (input) => {
        expect(() => storedColleagueSettings(input)).not.toThrow();
      }),
    );
  });
});

describe('NOTIFY budget', () => {
  afterEach(() => vi.useRealTimers());
  test('a flood is cut to the budget, and the last NOTIFY of it is still read', () => {
    vi.useFakeTimers();
    const seen: number[] = [];
    const budget = new NotifyBudget<number>(
      (_key, n) => seen.push(n),
      5,
      10,
      () => Date.now(),
    );
    for (let n = 0; n < 1000; n++) budget.offer('102', n);
    expect(seen).toHaveLength(10);
    vi.advanceTimersByTime(1000);
    expect(seen.at(-1)).toBe(999);
    expect(seen.length).toBeLessThanOrEqual(12);
  });
  test('colleagues have budgets of their own', () => {
    const seen: string[] = [];
    const budget = new NotifyBudget<string>(
      (key) => seen.push(key),
      1,
      1,
      () => 0,
    );
    budget.offer('101', 'a');
    budget.offer('102', 'b');
    budget.clear();
    expect(seen).toEqual(['101', '102']);
  });
});

describe('subscriptions', () => {
  test.each([
    [undefined, 300_000],
    [60, 60_000],
    [0, 5_000],
    [Number.NaN, 300_000],
  ])('ended with Retry-After %s: asked again after %s ms at least', (retryAfter, ms) => {
    expect(resubscribeDelayMs(retryAfter, () => 0)).toBe(ms);
    expect(resubscribeDelayMs(retryAfter, () => 1)).toBe(ms * 1.2);
  });
  test.each([
    ['sip:102@pbx.test', '102', true],
    ['sips:102@pbx.test;x=1', '102', true],
    ['sip:1020@pbx.test', '102', false],
    ['sip:103@pbx.test', '102', false],
    ['garbage', '102', false],
  ])('entity %s is extension %s: %s', (entity, extension, expected) => {
    expect(entityIsExtension(entity, extension)).toBe(expected);
  });
});
