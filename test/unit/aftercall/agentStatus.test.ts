import { describe, expect, test } from 'vitest';
import {
  type AgentStatus,
  afterCall,
  busyUntil,
  current,
  FOREVER,
  nextTimeOfDay,
  ready,
  readyStatus,
  storedAgentStatus,
} from '../../../src/aftercall/agentStatus';
import { type AfterCallSettings, defaultAfterCallSettings } from '../../../src/aftercall/settings';

const settings = (patch: Partial<AfterCallSettings>): AfterCallSettings => ({ ...defaultAfterCallSettings, ...patch });
const queueCall = { id: 'q', queue: true, answered: true };
const directCall = { id: 'd', queue: false, answered: true };
const untagged = () => false;
const tagged = () => true;

describe('agent status', () => {
  test.each<[string, AgentStatus, { id: string; queue: boolean; answered: boolean }, Partial<AfterCallSettings>, Partial<AgentStatus>]>([
    ['wrap-up after a queue call', readyStatus, queueCall, { wrapUpSeconds: 30 }, { mode: 'wrapUp', until: 31_000, callId: 'q' }],
    ['no wrap-up after a direct call by default', readyStatus, directCall, { wrapUpSeconds: 30 }, { mode: 'ready' }],
    ['wrap-up after every call, as a setting', readyStatus, directCall, { wrapUpSeconds: 30, wrapUpAfter: 'all' }, { mode: 'wrapUp', until: 31_000 }],
    ['no wrap-up set', readyStatus, queueCall, {}, { mode: 'ready' }],
    [
      'no wrap-up after a queue call never answered',
      readyStatus,
      { ...queueCall, answered: false },
      { wrapUpSeconds: 30, dispositionRequired: true },
      { mode: 'ready' },
    ],
    ['the tag rule alone keeps a queue call in wrap-up', readyStatus, queueCall, { dispositionRequired: true }, { mode: 'wrapUp', needsDisposition: true }],
    ['not ready stays not ready', { ...readyStatus, mode: 'notReady' }, queueCall, { wrapUpSeconds: 30 }, { mode: 'notReady' }],
    ['do not disturb stays', { ...readyStatus, mode: 'dnd', until: 99_000 }, queueCall, { wrapUpSeconds: 30 }, { mode: 'dnd', until: 99_000 }],
  ])('%s', (_, before, call, patch, expected) => {
    expect(afterCall(before, call, settings(patch), 1000)).toMatchObject(expected);
  });

  test('wrap-up ends by itself, unless the call still needs its tag', () => {
    const wrap = afterCall(readyStatus, queueCall, settings({ wrapUpSeconds: 30, dispositionRequired: true }), 0);
    expect(current(wrap, 10_000, untagged)).toEqual(wrap);
    expect(current(wrap, 40_000, untagged)).toEqual(wrap);
    expect(current(wrap, 40_000, tagged)).toEqual(readyStatus);
    expect(current(wrap, 10_000, tagged)).toMatchObject({ mode: 'wrapUp', needsDisposition: false });
    expect(current({ ...readyStatus, mode: 'dnd', until: 5 }, 5, untagged)).toEqual(readyStatus);
    expect(current({ ...readyStatus, mode: 'notReady' }, 1e12, untagged).mode).toBe('notReady');
  });

  test('Ready now is refused while the rule wants a tag', () => {
    const wrap = afterCall(readyStatus, queueCall, settings({ wrapUpSeconds: 30, dispositionRequired: true }), 0);
    expect(ready(wrap, untagged)).toEqual({ ok: false, reason: 'disposition_required' });
    expect(ready(wrap, tagged)).toEqual({ ok: true, status: readyStatus });
    expect(ready({ ...readyStatus, mode: 'notReady' }, untagged)).toEqual({ ok: true, status: readyStatus });
  });

  test.each<[AgentStatus, number | null]>([
    [readyStatus, null],
    [{ ...readyStatus, mode: 'notReady' }, FOREVER],
    [{ ...readyStatus, mode: 'dnd', until: 5 }, 5],
    [{ mode: 'wrapUp', until: 7, callId: 'q', needsDisposition: false }, 7],
    [{ mode: 'wrapUp', until: 7, callId: 'q', needsDisposition: true }, FOREVER],
  ])('%o keeps calls away until %o', (status, until) => {
    expect(busyUntil(status)).toBe(until);
  });

  test('do not disturb until a time of day: today if still ahead, else tomorrow; bad input is refused', () => {
    const now = new Date(2026, 0, 10, 14, 30).getTime();
    expect(nextTimeOfDay('15:00', now)).toBe(new Date(2026, 0, 10, 15, 0).getTime());
    expect(nextTimeOfDay('09:00', now)).toBe(new Date(2026, 0, 11, 9, 0).getTime());
    expect(nextTimeOfDay('14:30', now)).toBe(new Date(2026, 0, 11, 14, 30).getTime());
    for (const bad of ['24:00', '9:00', '', 'noon', '12:60']) expect(nextTimeOfDay(bad, now)).toBeNull();
  });

  test('a damaged stored status reads as ready', () => {
    expect(storedAgentStatus({ mode: 'asleep' })).toEqual(readyStatus);
    expect(storedAgentStatus(undefined)).toEqual(readyStatus);
  });
});
