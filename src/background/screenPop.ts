import type { SoftphoneSnapshot } from '../calls/snapshot';
import { recordUrlOf } from '../contacts/recordUrl';
import { recordsToOpen } from '../contacts/screenPop';
import { storageKeys } from '../storage/keys';
import { read } from '../storage/read';
import { loadRecordUrlContext } from '../storage/screenPopStore';
import { writeStorage } from '../storage/write';

const KEEP_OPENED = 100;

/**
 * Opens the caller's record in a tab when the setting says so: the CRM lookup's own URL, or the
 * record URL template filled in (src/contacts/recordUrl.ts). A tab needs no host permission, so
 * the template's site has none. Which calls had theirs opened is kept in session storage, checked
 * and written in one step of the write chain: snapshots come many times a call, and a service
 * worker restart must not open it again.
 */
export async function openCallerRecords(snapshot: SoftphoneSnapshot): Promise<void> {
  if (!snapshot.calls.some((c) => c.direction === 'incoming')) return;
  const context = await loadRecordUrlContext();
  if (context.settings.mode === 'off') return;
  const due = await writeStorage(async (writer) => {
    const opened = await read(storageKeys.screenPopOpened);
    const records = recordsToOpen(snapshot.calls, context.settings.mode, new Set(opened), (call) => recordUrlOf(call, context));
    if (records.length > 0) await writer.set(storageKeys.screenPopOpened, [...opened, ...records.map((r) => r.callId)].slice(-KEEP_OPENED));
    return records;
  });
  for (const record of due) await chrome.tabs.create({ url: record.url, active: true });
}
