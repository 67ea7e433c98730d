import { useEffect, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';

/** A value in extension storage (local area), kept current while the view is open. */
export function useStoredValue<T>(key: string, fallback: T): T {
  const [value, setValue] = useState<T>(fallback);
  useEffect(() => {
    let live = true;
    void browser.storage.local.get(key).then((stored) => {
      if (live && stored[key] !== undefined) setValue(stored[key] as T);
    });
    const onChanged = (changes: Record<string, browser.Storage.StorageChange>, area: string): void => {
      if (area === 'local' && key in changes) setValue((changes[key]?.newValue as T | undefined) ?? fallback);
    };
    browser.storage.onChanged.addListener(onChanged);
    return () => {
      live = false;
      browser.storage.onChanged.removeListener(onChanged);
    };
  }, [key]);
  return value;
}
