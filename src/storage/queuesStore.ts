import { parseQueueSettings, type QueueSettings, type QueueSettingsError, type QueueState } from '../queues';
import { storageKeys } from './keys';
import { read, watchAny } from './read';
import { writeStorage } from './write';

export function loadQueueSettings(): Promise<QueueSettings> {
  return read(storageKeys.queueSettings);
}

/** Saves only valid settings: invalid ones (from the form or an import) change nothing stored. */
export async function saveQueueSettings(input: unknown): Promise<{ ok: true } | { ok: false; errors: QueueSettingsError[] }> {
  const parsed = parseQueueSettings(input);
  if (!parsed.ok) return parsed;
  await writeStorage((writer) => writer.set(storageKeys.queueSettings, parsed.value));
  return { ok: true };
}

export function loadQueueState(): Promise<QueueState> {
  return read(storageKeys.queueState);
}

/** Applies `change` to the stored queue state, in its turn; resolves with what `change` returned. */
export function updateQueueState<T>(change: (state: QueueState) => { state: QueueState; result: T }): Promise<T> {
  return writeStorage(async (writer) => {
    const { state, result } = change(await loadQueueState());
    await writer.set(storageKeys.queueState, state);
    return result;
  });
}

export function onQueuesChanged(listener: (what: { settings: boolean; state: boolean }) => void): void {
  watchAny([storageKeys.queueSettings, storageKeys.queueState], (changed) =>
    listener({ settings: changed.has(storageKeys.queueSettings), state: changed.has(storageKeys.queueState) }),
  );
}
