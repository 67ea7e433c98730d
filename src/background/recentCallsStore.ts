import browser from 'webextension-polyfill';
import { addRecentCall, recentCallFrom, type RecentCall } from '../calls/recentCalls';
import type { CallSnapshot } from '../calls/snapshot';
import type { Handlers } from '../protocol/server';

export const RECENT_CALLS_KEY = 'recentCalls';
export const RECENT_SEEN_KEY = 'recentCallsSeenAt';

// Writes are chained so two calls ending together cannot overwrite each other's entry.
let writes: Promise<unknown> = Promise.resolve();

function serialized<T>(work: () => Promise<T>): Promise<T> {
  const next = writes.then(work, work);
  writes = next.catch(() => undefined);
  return next;
}

export async function loadRecentCalls(): Promise<RecentCall[]> {
  const stored = (await browser.storage.local.get(RECENT_CALLS_KEY))[RECENT_CALLS_KEY];
  return Array.isArray(stored) ? (stored as RecentCall[]) : [];
}

let lastRecordedId: string | null = null;

/** Every snapshot repeats the last ended call: each is stored once. */
export function recordEndedCall(call: CallSnapshot, callerIdOf: (call: CallSnapshot) => Promise<string | null> = async () => null): Promise<void> {
  if (call.id === lastRecordedId) return Promise.resolve();
  lastRecordedId = call.id;
  return serialized(async () => {
    const list = await loadRecentCalls();
    if (list.some((c) => c.id === call.id)) return;
    await browser.storage.local.set({ [RECENT_CALLS_KEY]: addRecentCall(list, recentCallFrom(call, await callerIdOf(call))) });
  });
}

export const recentCallsRoutes: Pick<Handlers<'background'>, 'clearRecentCalls' | 'markRecentCallsSeen'> = {
  clearRecentCalls: () =>
    serialized(async () => {
      await browser.storage.local.set({ [RECENT_CALLS_KEY]: [] });
      return { ok: true as const, value: null };
    }),
  markRecentCallsSeen: async () => {
    await browser.storage.local.set({ [RECENT_SEEN_KEY]: Date.now() });
    return { ok: true, value: null };
  },
};
