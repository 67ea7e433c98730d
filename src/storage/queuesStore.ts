import { ownPart } from '../policy/state';
import { emptyQueueSettings, parseQueueSettings, type QueueSettings, type QueueSettingsError, type QueueState } from '../queues';
import { storageKeys } from './keys';
import { readUnderPolicy, saveUnderPolicy } from './policyOverlay';
import { read, watchAny } from './read';
import { writeStorage } from './write';

/** The agent's queues and reminder with the administrator's policy over them. */
export function loadQueueSettings(): Promise<QueueSettings> {
  return readUnderPolicy('queueSettings', storageKeys.queueSettings);
}

/** The agent's own part of settings checked with the policy over them. */
export async function ownQueuePart(settings: QueueSettings): Promise<QueueSettings> {
  return ownPart('queueSettings', settings, await read(storageKeys.queueSettings), await read(storageKeys.policy));
}

/**
 * Saves only valid settings: invalid ones (from the form or an import) change nothing stored.
 * Checked with the policy's queues or reminder over them, which stay the policy's.
 */
export function saveQueueSettings(input: unknown): Promise<{ ok: true } | { ok: false; errors: QueueSettingsError[] }> {
  return saveUnderPolicy('queueSettings', storageKeys.queueSettings, input, parseQueueSettings, emptyQueueSettings);
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
  watchAny([storageKeys.queueSettings, storageKeys.queueState, storageKeys.policy], (changed) =>
    listener({ settings: changed.has(storageKeys.queueSettings) || changed.has(storageKeys.policy), state: changed.has(storageKeys.queueState) }),
  );
}
