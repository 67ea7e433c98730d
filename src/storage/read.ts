import type { StorageKey } from './keys';

/** What is stored under `key`, read through its parser (its fallback when nothing is stored). */
export async function read<T>(key: StorageKey<T>): Promise<T> {
  const stored = await chrome.storage[key.area].get(key.name);
  return key.read(stored[key.name]);
}

/**
 * Calls `listener` with the key's new value (read through its parser) whenever it changes, in
 * any context. Returns the function that stops listening.
 */
export function watch<T>(key: StorageKey<T>, listener: (value: T) => void): () => void {
  const onChanged = (changes: Record<string, chrome.storage.StorageChange>, area: string): void => {
    const change = changes[key.name];
    if (area === key.area && change !== undefined) listener(key.read(change.newValue));
  };
  chrome.storage.onChanged.addListener(onChanged);
  return () => chrome.storage.onChanged.removeListener(onChanged);
}

/** Calls `listener` with the keys among `keys` that changed, once per storage change. */
export function watchAny(keys: readonly StorageKey<unknown>[], listener: (changed: ReadonlySet<StorageKey<unknown>>) => void): () => void {
  const onChanged = (changes: Record<string, chrome.storage.StorageChange>, area: string): void => {
    const changed = new Set(keys.filter((key) => key.area === area && key.name in changes));
    if (changed.size > 0) listener(changed);
  };
  chrome.storage.onChanged.addListener(onChanged);
  return () => chrome.storage.onChanged.removeListener(onChanged);
}

/** Whether anything at all is stored under `key` (a stored value equal to the fallback counts). */
export async function isStored(key: StorageKey<unknown>): Promise<boolean> {
  return (await chrome.storage[key.area].get(key.name))[key.name] !== undefined;
}
