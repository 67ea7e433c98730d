import { ownPart, withPolicy } from '../policy/state';
import { emptyQueueSettings, parseQueueSettings, type QueueSettings, type QueueSettingsError, type QueueState } from '../queues';
import { storageKeys } from './keys';
import { read, watchAny } from './read';
import { writeStorage } from './write';

/** The agent's queues and reminder with the administrator's policy over them. */
export async function loadQueueSettings(): Promise<QueueSettings> {
  const [own, policy] = await Promise.all([read(storageKeys.queueSettings), read(storageKeys.policy)]);
  return withPolicy('queueSettings', own, policy);
}

/** The agent's own part of settings checked with the policy over them. */
export async function ownQueuePart(settings: QueueSettings): Promise<QueueSettings> {
  return ownPart('queueSettings', settings, await read(storageKeys.queueSettings), await read(storageKeys.policy));
}

/**
 * Saves only valid settings: invalid ones (from the form or an import) change nothing stored.
 * Checked with the policy's queues or reminder over them, which stay the policy's.
 */
export async function saveQueueSettings(input: unknown): Promise<{ ok: true } | { ok: false; errors: QueueSettingsError[] }> {
  const policy = await read(storageKeys.policy);
  const parsed = parseQueueSettings(typeof input === 'object' && input !== null ? withPolicy('queueSettings', input, policy) : input);
  if (!parsed.ok) return parsed;
  const own = await ownQueuePart(parsed.value);
  await writeStorage((writer) => writer.set(storageKeys.queueSettings, { ...emptyQueueSettings, ...own }));
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
  watchAny([storageKeys.queueSettings, storageKeys.queueState, storageKeys.policy], (changed) =>
    listener({ settings: changed.has(storageKeys.queueSettings) || changed.has(storageKeys.policy), state: changed.has(storageKeys.queueState) }),
  );
}
