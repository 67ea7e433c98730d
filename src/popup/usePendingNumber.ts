import { useEffect, useState } from 'preact/hooks';
import { request } from '../protocol/client';
import { storageKeys } from '../storage/keys';
import { watch } from '../storage/read';

const SELECTION_TIMEOUT_MS = 300;

/**
 * The selection in the tab the popup was opened over. Readable only when the agent opened the
 * popup themselves (toolbar button or keyboard shortcut: activeTab), else nothing.
 */
async function selectionInActiveTab(): Promise<string | undefined> {
  const [tab] = await chrome.tabs.query({ active: true, currentWindow: true });
  if (tab?.id === undefined || !/^https?:/.test(tab.url ?? '')) return undefined;
  const read = chrome.scripting
    .executeScript({ target: { tabId: tab.id }, func: () => String(globalThis.getSelection?.() ?? '').slice(0, 2000) })
    .then(([frame]) => (typeof frame?.result === 'string' ? frame.result : undefined));
  const timeout = new Promise<undefined>((resolve) => setTimeout(() => resolve(undefined), SELECTION_TIMEOUT_MS));
  return Promise.race([read, timeout]).catch(() => undefined);
}

/**
 * The number the popup opens with: one handed over by a click on a page (also while the popup is
 * already open), else a number in the page's selection, else none.
 */
export function usePendingNumber(): string {
  const [number, setNumber] = useState('');
  useEffect(() => {
    let live = true;
    const take = async (selection?: string): Promise<void> => {
      const taken = await request('background', 'takePendingNumber', selection === undefined ? {} : { selection });
      if (live && taken.number) setNumber(taken.number);
    };
    void selectionInActiveTab()
      .catch(() => undefined)
      .then((selection) => take(selection))
      .catch(() => undefined);
    // A number handed over while the popup is open (taking it removes it: that change is no news).
    const off = watch(storageKeys.pendingNumber, (pending) => {
      if (pending !== null) void take().catch(() => undefined);
    });
    return () => {
      live = false;
      off();
    };
  }, []);
  return number;
}
