import { applyPolicy } from '../policy/apply';
import { storageKeys } from '../storage/keys';
import { readManagedPolicy, watchManagedPolicy } from '../storage/managed';
import { read, watch } from '../storage/read';
import { writeStorage } from '../storage/write';
import { syncContentScript } from './clickToCall/contentScript';

/**
 * The administrator's policy (read by src/storage/managed.ts), checked here and kept under
 * storageKeys.policy, which every reader of a setting lays over the agent's own; the softphone then re-registers only when the server fields changed
 * (accountChange decides, as for any saved account).
 */

/** Checks the policy again (with the agent's own caller ID settings it completes) and stores the outcome if it changed. */
export async function refreshPolicy(): Promise<void> {
  const managed = await readManagedPolicy();
  const changed = await writeStorage(async (writer) => {
    const next = applyPolicy(managed, await read(storageKeys.callerId));
    if (JSON.stringify(next) === JSON.stringify(await read(storageKeys.policy))) return false;
    await writer.set(storageKeys.policy, next);
    return true;
  });
  if (changed) await syncContentScript().catch((error: unknown) => console.warn('click-to-call registration failed:', error));
}

export function startPolicy(): void {
  void refreshPolicy();
  watchManagedPolicy(() => void refreshPolicy());
  // The policy's caller ID fields are checked together with the agent's own.
  watch(storageKeys.callerId, () => void refreshPolicy());
}
