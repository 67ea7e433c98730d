import type { CallSnapshot, SoftphoneSnapshot } from '../calls/snapshot';
import { CRM_TIMEOUT_MS } from '../contacts/crmLookup';
import { recordUrlOf } from '../contacts/recordUrl';
import { crmWaitLeft, recordsToOpen } from '../contacts/screenPop';
import { storageKeys } from '../storage/keys';
import { read } from '../storage/read';
import { loadRecordUrlContext } from '../storage/screenPopStore';
import { usableCrmLookupUrl } from '../storage/settingsStore';
import { writeStorage } from '../storage/write';

const KEEP_OPENED = 100;

/**
 * Opens the caller's record in a tab when the setting says so: the CRM lookup's own URL, or the
 * record URL template filled in (src/contacts/recordUrl.ts). A tab needs no host permission, so
 * the template's site has none. An unknown caller's template waits for the CRM lookup's answer
 * (at most its time-out), which may name the caller and give the record. Which calls had theirs
 * opened is kept in session storage, checked and written in one step of the write chain:
 * snapshots come many times a call, and a service worker restart must not open it again.
 */
export async function openCallerRecords(snapshot: SoftphoneSnapshot): Promise<void> {
  latest = snapshot;
  if (!snapshot.calls.some((c) => c.direction === 'incoming')) return;
  const context = await loadRecordUrlContext();
  if (context.settings.mode === 'off') return;
  // The lookup the softphone runs: the policy's or the agent's, once its site is granted.
  const crmConfigured = (await usableCrmLookupUrl()) !== '';
  const now = Date.now();
  let waitMs = 0;
  const urlOf = (call: CallSnapshot): string | null => {
    const wait = crmWaitLeft(call, crmConfigured, CRM_TIMEOUT_MS, now);
    if (wait > 0) {
      waitMs = Math.max(waitMs, wait);
      return null;
    }
    return recordUrlOf(call, context);
  };
  const due = await writeStorage(async (writer) => {
    const opened = await read(storageKeys.screenPopOpened);
    const records = recordsToOpen(snapshot.calls, context.settings.mode, new Set(opened), urlOf);
    if (records.length > 0) await writer.set(storageKeys.screenPopOpened, [...opened, ...records.map((r) => r.callId)].slice(-KEEP_OPENED));
    return records;
  });
  for (const record of due) await chrome.tabs.create({ url: record.url, active: true });
  // An unknown caller waits for the CRM lookup; a ringing call may send no snapshot when it is over.
  if (waitMs > 0) {
    clearTimeout(retry);
    retry = setTimeout(() => void openCallerRecords(latest).catch((error: unknown) => console.warn('caller record not opened:', error)), waitMs + 50);
  }
}

let latest: SoftphoneSnapshot;
let retry: ReturnType<typeof setTimeout> | undefined;
