import type { CountryCode } from 'libphonenumber-js/min';
import { invalidNumber } from '../../calls/errors';
import { readingCountry } from '../../clicktocall/detect';
import type { PageNumberResult } from '../../clicktocall/pageNumber';
import { freshPendingNumber, type PendingNumber } from '../../clicktocall/pending';
import type { Result } from '../../protocol/api';
import { request } from '../../protocol/client';
import { loadCallerIdDraft } from '../../storage/callerIdStore';
import { storageKeys } from '../../storage/keys';
import { read } from '../../storage/read';
import { store, writeStorage } from '../../storage/write';
import { askSoftphone } from '../askSoftphone';
import { openSoftphone } from './softphoneWindow';

/** The country national numbers on pages are read in: the caller ID settings' home country, until they are saved the browser's. */
export async function readingCountryOfAgent(): Promise<CountryCode> {
  return readingCountry((await loadCallerIdDraft())?.homeCountry, navigator.language);
}

/** Leaves a number for the softphone popup, which takes it when it opens (or at once, if open). */
export async function offerNumber(number: string): Promise<void> {
  const pending: PendingNumber = { number, at: Date.now() };
  await store(storageKeys.pendingNumber, pending);
}

/** The number left for the popup, if still fresh; taking it removes it. */
export function takeOfferedNumber(): Promise<string | null> {
  return writeStorage(async (writer) => {
    const stored = await read(storageKeys.pendingNumber);
    await writer.remove(storageKeys.pendingNumber);
    return freshPendingNumber(stored, Date.now());
  });
}

async function isRegistered(): Promise<boolean> {
  return (await askSoftphone('getSnapshot', {})).registration.state === 'registered';
}

/** A number the user chose on a page: dialled at once if they asked for that, else shown to confirm. */
export async function handOver(
  reduced: PageNumberResult,
  dialNow: boolean,
  tab: { windowId?: number; id?: number } | undefined,
): Promise<Result<{ dialed: boolean }>> {
  if (!reduced.ok) return { ok: false, error: invalidNumber(reduced.error) };
  if (dialNow && (await isRegistered())) {
    const placed = await request('offscreen', 'call', { target: reduced.dial });
    return placed.ok ? { ok: true, value: { dialed: true } } : placed;
  }
  await offerNumber(reduced.dial);
  await openSoftphone(tab?.windowId, tab?.id);
  return { ok: true, value: { dialed: false } };
}
