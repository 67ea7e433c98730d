import { applyPolicy } from '../policy/apply';
import { storageKeys } from '../storage/keys';
import { read, watch } from '../storage/read';
import { writeStorage } from '../storage/write';
import { syncContentScript } from './clickToCall/contentScript';

/**
 * The administrator's policy: Chrome's storage.managed (from Google Admin, a GPO or a policy
 * file, checked against public/managed_schema.json) or Firefox's policies.json `3rdparty`
 * section. Checked here and kept under storageKeys.policy, which every reader of a setting lays
 * over the agent's own; the softphone then re-registers only when the server fields changed
 * (accountChange decides, as for any saved account).
 */

/** The policy as the browser holds it; {} without one (Firefox rejects the read when no policy names the add-on). */
async function readManaged(): Promise<Record<string, unknown>> {
  try {
    return (await chrome.storage.managed.get(null)) ?? {};
  } catch {
    return {};
  }
}

/** Checks the policy again (with the agent's own caller ID settings it completes) and stores the outcome if it changed. */
export async function refreshPolicy(): Promise<void> {
  const managed = await readManaged();
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
  chrome.storage.onChanged.addListener((_changes, area) => {
    if (area === 'managed') void refreshPolicy();
  });
  // The policy's caller ID fields are checked together with the agent's own.
  watch(storageKeys.callerId, () => void refreshPolicy());
}
