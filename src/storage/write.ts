import { inTurn } from './inTurn';
import type { StorageArea, StorageKey } from './keys';

/**
 * Writes to extension storage: the service worker's only (src/background and the stores it uses).
 * Views read (src/storage/read.ts) and ask the service worker to change things.
 *
 * Every write, of every key, runs in one chain: a read-modify-write step starts once the one
 * before has finished, so two changes can never overwrite each other, whichever keys they touch.
 */

/** A key and the value to store under it, for writes of several keys at once. */
export interface Entry<T = unknown> {
  key: StorageKey<T>;
  value: T;
}

export function entry<T>(key: StorageKey<T>, value: T): Entry {
  return { key, value } as Entry;
}

/** What a step of the chain may do to storage. */
export interface Writer {
  set<T>(key: StorageKey<T>, value: T): Promise<void>;
  /** Several keys of one area in one write: all of them or none. */
  setTogether(entries: readonly Entry[]): Promise<void>;
  remove(key: StorageKey<unknown>): Promise<void>;
}

const writer: Writer = {
  set: (key, value) => chrome.storage[key.area].set({ [key.name]: value }),
  setTogether: async (entries) => {
    const areas = new Set<StorageArea>(entries.map((e) => e.key.area));
    if (areas.size > 1) throw new Error('One write covers one storage area');
    const [area] = areas;
    if (area !== undefined) await chrome.storage[area].set(Object.fromEntries(entries.map((e) => [e.key.name, e.value])));
  },
  remove: (key) => chrome.storage[key.area].remove(key.name),
};

const chain = inTurn();

/**
 * Runs `step` (which reads what it needs and writes through the writer it is given) after every
 * step queued before it; resolves with what it returned. A step must not wait for another step
 * (it would wait for itself): call helpers that take the writer instead.
 */
export function writeStorage<T>(step: (writer: Writer) => Promise<T>): Promise<T> {
  return chain(() => step(writer));
}

/** Stores `value` under `key`, in its turn. */
export function store<T>(key: StorageKey<T>, value: T): Promise<void> {
  return writeStorage((w) => w.set(key, value));
}
