import { EventEmitter } from 'node:events';
import type { UA } from 'jssip';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import type { ColleaguePresence } from '../../../src/colleagues';
import { ColleagueSubscriptions } from '../../../src/offscreen/colleagueSubscriptions';

const SUBSCRIBE_NON_OK_RESPONSE = 2;
const FINAL_NOTIFY_RECEIVED = 6;

/** A JsSIP Subscriber as far as the subscriptions use one: events we fire by hand. */
class FakeSubscriber extends EventEmitter {
  terminated = false;
  constructor(
    readonly target: string,
    readonly event: string,
  ) {
    super();
  }
  subscribe(): void {}
  terminate(): void {
    this.terminated = true;
  }
}

const doc = (state: string | null, entity = 'sip:102@pbx.test', version = 1) =>
  `<dialog-info xmlns="urn:ietf:params:xml:ns:dialog-info" version="${version}" state="full" entity="${entity}">${
    state ? `<dialog id="d" call-id="c1" direction="recipient"><state>${state}</state></dialog>` : ''
  }</dialog-info>`;

let subscribers: FakeSubscriber[];
let seen: Record<string, ColleaguePresence[]>;
let subscriptions: ColleagueSubscriptions;

beforeEach(() => {
  vi.useFakeTimers();
  vi.spyOn(console, 'info').mockImplementation(() => undefined);
  subscribers = [];
  seen = {};
  const ua = {
    subscribe: (target: string, event: string) => {
      const subscriber = new FakeSubscriber(target, event);
      subscribers.push(subscriber);
      return subscriber;
    },
  } as unknown as UA;
  subscriptions = new ColleagueSubscriptions(ua, 'pbx.test', (extension, presence) => {
    seen[extension] = [...(seen[extension] ?? []), presence];
  });
  subscriptions.follow([{ name: 'Bob', extension: '102' }]);
});
afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

const bob = () => subscribers.filter((s) => s.target === 'sip:102@pbx.test').at(-1)!;
const state = () => seen['102']?.at(-1)?.state;
const notify = (body: string) => bob().emit('notify', false, {}, body, 'application/dialog-info+xml');

describe('colleague subscriptions', () => {
  test('one dialog subscription per colleague, unknown until the PBX answers, then what it says', () => {
    expect(subscribers.map((s) => [s.target, s.event])).toEqual([['sip:102@pbx.test', 'dialog']]);
    expect(state()).toBe('unknown');
    bob().emit('active');
    expect(state()).toBe('idle');
    notify(doc('early'));
    expect(seen['102']!.at(-1)).toEqual({ state: 'ringing', ringingCallId: 'c1' });
  });

  test.each([
    ['a malformed body', '<dialog-info version="2"'],
    ['a body about another extension', doc('confirmed', 'sip:103@pbx.test', 2)],
    ['a huge body', doc('confirmed', 'sip:102@pbx.test', 2).replace('</dialog-info>', `<!--${'x'.repeat(20_000)}--></dialog-info>`)],
  ])('%s changes nothing for that colleague', (_name, body) => {
    notify(doc('early'));
    notify(body);
    expect(state()).toBe('ringing');
  });

  test('a NOTIFY flood is read at a few a second, and the last one still counts', () => {
    for (let i = 0; i < 500; i++) notify(doc(i % 2 ? 'confirmed' : 'early', 'sip:102@pbx.test', i + 1));
    expect(seen['102']!.length).toBeLessThanOrEqual(12);
    vi.advanceTimersByTime(2000);
    expect(state()).toBe('busy');
    expect(seen['102']!.length).toBeLessThanOrEqual(14);
  });

  test('a refused dialog subscription falls back to presence; refused again, unknown and asked later', () => {
    bob().emit('terminated', SUBSCRIBE_NON_OK_RESPONSE);
    expect(bob().event).toBe('presence');
    bob().emit('notify', false, {}, '<presence entity="sip:102@pbx.test"><tuple id="t"><status><basic>open</basic></status></tuple></presence>');
    expect(state()).toBe('idle');
    bob().emit('terminated', SUBSCRIBE_NON_OK_RESPONSE);
    expect(state()).toBe('unknown');
    const count = subscribers.length;
    vi.advanceTimersByTime(400_000);
    expect(subscribers.length).toBe(count + 1);
    expect(bob().event).toBe('dialog');
  });

  test('a subscription the PBX ends shows unknown, not its last state, and comes back after Retry-After', () => {
    notify(doc('confirmed'));
    bob().emit('terminated', FINAL_NOTIFY_RECEIVED, 'deactivated', 30);
    expect(state()).toBe('unknown');
    vi.advanceTimersByTime(40_000);
    expect(subscribers).toHaveLength(2);
  });

  test('a colleague taken off the list is unsubscribed, and what is sent about them is ignored', () => {
    const first = bob();
    subscriptions.follow([]);
    expect(first.terminated).toBe(true);
    const before = seen['102']!.length;
    first.emit('notify', false, {}, doc('early'));
    expect(seen['102']!.length).toBe(before);
  });
});
