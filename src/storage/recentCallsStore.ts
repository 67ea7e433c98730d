import { addRecentCall, type RecentCall, recentCallFrom } from '../calls/recentCalls';
import type { CallSnapshot } from '../calls/snapshot';
import { storageKeys } from './keys';
import { read } from './read';
import { writeStorage } from './write';

export function loadRecentCalls(): Promise<RecentCall[]> {
  return read(storageKeys.recentCalls);
}

let lastRecordedId: string | null = null;

/** Every snapshot repeats the last ended call: each is stored once, in its turn (two calls ending together both stay). */
export function recordEndedCall(call: CallSnapshot, callerIdOf: (call: CallSnapshot) => Promise<string | null> = async () => null): Promise<void> {
  if (call.id === lastRecordedId) return Promise.resolve();
  lastRecordedId = call.id;
  return writeStorage(async (writer) => {
    const list = await loadRecentCalls();
    if (list.some((c) => c.id === call.id)) return;
    await writer.set(storageKeys.recentCalls, addRecentCall(list, recentCallFrom(call, await callerIdOf(call))));
  });
}

export function clearRecentCalls(): Promise<void> {
  return writeStorage((writer) => writer.set(storageKeys.recentCalls, []));
}

/** The agent has looked at the list: missed calls until now stop counting. */
export function markRecentCallsSeen(): Promise<void> {
  return writeStorage((writer) => writer.set(storageKeys.recentCallsSeenAt, Date.now()));
}
