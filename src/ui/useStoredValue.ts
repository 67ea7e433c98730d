import { useEffect, useState } from 'preact/hooks';
import type { StorageKey } from '../storage/keys';
import { read, watch } from '../storage/read';

/**
 * A key of extension storage, read through its parser, kept current while the view is open.
 * Its fallback until the first read answers. Views only read: they ask the service worker to write.
 */
export function useStoredValue<T>(key: StorageKey<T>): T {
  const [value, setValue] = useState<T>(key.fallback);
  useEffect(() => {
    let live = true;
    const off = watch(key, (next) => live && setValue(() => next));
    void read(key).then((stored) => live && setValue(() => stored));
    return () => {
      live = false;
      off();
    };
  }, [key]);
  return value;
}
