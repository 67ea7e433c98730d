import type { SoftphoneSnapshot } from '../calls/snapshot';
import { storageKeys } from '../storage/keys';
import { writeStorage } from '../storage/write';

let latest: SoftphoneSnapshot | null = null;
let queued = false;

/**
 * Keeps the softphone's latest snapshot in session storage, so the popup paints its first frame
 * from it instead of waiting for the softphone to answer. Snapshots can come many a second: a
 * write already waiting in the chain takes the newest one, so they never pile up.
 */
export function cacheSnapshot(snapshot: SoftphoneSnapshot): void {
  latest = snapshot;
  if (queued) return;
  queued = true;
  void writeStorage(async (writer) => {
    queued = false;
    await writer.set(storageKeys.lastSnapshot, latest);
  }).catch((error: unknown) => console.warn('snapshot not kept for the popup:', error));
}
