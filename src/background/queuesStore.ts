import browser from 'webextension-polyfill';
import { parseQueueSettings, storedQueueSettings, storedQueueState, type QueueSettings, type QueueSettingsError, type QueueState } from '../queues';

export const QUEUE_SETTINGS_KEY = 'queueSettings';
export const QUEUE_STATE_KEY = 'queueState';

export async function loadQueueSettings(): Promise<QueueSettings> {
  return storedQueueSettings((await browser.storage.local.get(QUEUE_SETTINGS_KEY))[QUEUE_SETTINGS_KEY]);
}

/** Saves only valid settings: invalid ones (from the form or an import) change nothing stored. */
export async function saveQueueSettings(input: unknown): Promise<{ ok: true } | { ok: false; errors: QueueSettingsError[] }> {
  const parsed = parseQueueSettings(input);
  if (!parsed.ok) return parsed;
  await browser.storage.local.set({ [QUEUE_SETTINGS_KEY]: parsed.value });
  return { ok: true };
}

export async function loadQueueState(): Promise<QueueState> {
  return storedQueueState((await browser.storage.local.get(QUEUE_STATE_KEY))[QUEUE_STATE_KEY]);
}

// Read-modify-write steps are chained, so two changes can never overwrite each other.
let writes: Promise<unknown> = Promise.resolve();

/** Applies `change` to the stored queue state; resolves with what `change` returned. */
export function updateQueueState<T>(change: (state: QueueState) => { state: QueueState; result: T }): Promise<T> {
  const work = async (): Promise<T> => {
    const { state, result } = change(await loadQueueState());
    await browser.storage.local.set({ [QUEUE_STATE_KEY]: state });
    return result;
  };
  const next = writes.then(work, work);
  writes = next.catch(() => undefined);
  return next;
}

export function onQueuesChanged(listener: (what: { settings: boolean; state: boolean }) => void): void {
  browser.storage.onChanged.addListener((changes, area) => {
    if (area !== 'local') return;
    const what = { settings: QUEUE_SETTINGS_KEY in changes, state: QUEUE_STATE_KEY in changes };
    if (what.settings || what.state) listener(what);
  });
}
