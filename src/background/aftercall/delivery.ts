import type { CallNote, CallRecord } from '../../aftercall/callRecord';
import { blocked, type DeliveryOutcome, due, newEntry, noteChanged, type OutboxEntry, recover, settle, startSending, summarize } from '../../aftercall/outbox';
import type { OutboxState } from '../../aftercall/outboxState';
import { webhookOriginPattern } from '../../aftercall/settings';
import { loadAfterCallSettings } from '../../storage/afterCallStore';
import { inTurn } from '../../storage/inTurn';
import { storageKeys } from '../../storage/keys';
import { store } from '../../storage/write';
import { allEntries, latestRecord, putEntries, putRecordAndEntry, settleEntries, storageErrorOf, trimRecords } from './outboxStore';

/** A receiver slower than this is taken as not answering: the record is sent again later, same key. */
export const DELIVERY_TIMEOUT_MS = 15_000;
/** Records sent at once (each of a different call). */
const PARALLEL = 8;
const ALARM = 'aftercall-outbox';

/** Entries the outbox could not write to IndexedDB (quota, disk full): kept here and written again. */
const unsaved = new Map<string, OutboxEntry>();
/** Keys being POSTed now: stored as pending, they read as sending here (an amendment must not touch them). */
const inFlight = new Set<string>();
let storageError: OutboxState['storageError'] = null;
let draining: Promise<void> | null = null;
let again = false;
let timer: ReturnType<typeof setTimeout> | undefined;

async function post(url: string, entry: OutboxEntry): Promise<DeliveryOutcome> {
  try {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Idempotency-Key': entry.key },
      body: JSON.stringify(entry.record),
      credentials: 'omit',
      redirect: 'error',
      cache: 'no-store',
      signal: AbortSignal.timeout(DELIVERY_TIMEOUT_MS),
    });
    await response.body?.cancel().catch(() => undefined);
    return { kind: 'http', status: response.status, retryAfter: response.headers.get('Retry-After') };
  } catch (error) {
    return error instanceof DOMException && error.name === 'TimeoutError' ? { kind: 'timeout' } : { kind: 'network' };
  }
}

async function save(entries: readonly OutboxEntry[]): Promise<void> {
  try {
    await putEntries([...unsaved.values(), ...entries.filter((e) => !unsaved.has(e.key))]);
    for (const e of entries) unsaved.delete(e.key);
    unsaved.clear();
    storageError = null;
  } catch (error) {
    storageError = storageErrorOf(error);
    for (const e of entries) unsaved.set(e.key, e);
  }
}

async function entriesNow(): Promise<OutboxEntry[]> {
  const stored = await allEntries().catch((error: unknown) => {
    storageError = storageErrorOf(error);
    return [] as OutboxEntry[];
  });
  const byKey = new Map(stored.map((e) => [e.key, e]));
  for (const e of unsaved.values()) byKey.set(e.key, e);
  return [...byKey.values()].map((e) => (inFlight.has(e.key) ? startSending(e) : e));
}

let lastPublished = '';
async function publish(entries: readonly OutboxEntry[]): Promise<void> {
  const state: OutboxState = { ...summarize(entries), storageError };
  const text = JSON.stringify(state);
  if (text === lastPublished) return;
  lastPublished = text;
  await store(storageKeys.outboxState, state).catch(() => undefined);
}

function schedule(at: number | null): void {
  clearTimeout(timer);
  if (at === null) {
    void chrome.alarms.clear(ALARM);
    return;
  }
  const wait = Math.max(0, at - Date.now());
  timer = setTimeout(() => void drain(), wait);
  // The service worker may be stopped before then: the alarm wakes it (Chrome rounds up to 30 s).
  void chrome.alarms.create(ALARM, { when: Math.max(at, Date.now() + 30_000) });
}

async function drainOnce(): Promise<void> {
  const settings = await loadAfterCallSettings();
  let entries = await entriesNow();
  let publishedAt = 0;
  for (;;) {
    const now = Date.now();
    const batch = due(entries, now, PARALLEL);
    if (batch.length === 0) break;
    const pattern = webhookOriginPattern(settings.webhookUrl);
    const problem = pattern === null ? 'no_webhook' : (await chrome.permissions.contains({ origins: [pattern] })) ? null : 'no_permission';
    if (problem) {
      const waiting = entries.filter((e) => e.status === 'pending').map((e) => blocked(e, { kind: problem }, now));
      await save(waiting);
      entries = entries.map((e) => waiting.find((w) => w.key === e.key) ?? e);
      break;
    }
    // In flight only in memory: stored, an entry stays pending, which is what a restart mid-delivery
    // must find (it is sent again with the same key).
    const sending = batch.map(startSending);
    for (const e of sending) inFlight.add(e.key);
    const settled = await Promise.all(sending.map(async (entry) => ({ entry, after: settle(entry, await post(settings.webhookUrl, entry), Date.now()) })));
    const kept = settled.flatMap((s) => (s.after ? [s.after] : []));
    const delivered = settled.filter((s) => s.after === null).map((s) => s.entry.key);
    for (const key of delivered) unsaved.delete(key);
    try {
      await settleEntries(delivered, [...unsaved.values(), ...kept]);
      unsaved.clear();
      storageError = null;
    } catch (error) {
      storageError = storageErrorOf(error);
      for (const e of kept) unsaved.set(e.key, e);
    } finally {
      for (const e of sending) inFlight.delete(e.key);
    }
    const gone = new Set(delivered);
    entries = entries.filter((e) => !gone.has(e.key)).map((e) => kept.find((k) => k.key === e.key) ?? e);
    if (Date.now() - publishedAt > 250) {
      publishedAt = Date.now();
      await publish(entries);
    }
  }
  await publish(entries);
  schedule(summarize(entries).nextAttemptAt);
}

/** Sends whatever is due; a call while it runs makes it look again once it is done. */
export function drain(): Promise<void> {
  if (draining) {
    again = true;
    return draining;
  }
  draining = (async () => {
    do {
      again = false;
      await drainOnce().catch((error: unknown) => console.warn('outbox:', error));
    } while (again);
  })().finally(() => {
    draining = null;
  });
  return draining;
}

/** Record changes one after the other: two keystrokes never both make the next version. */
const serially = inTurn();

/** A finished call's first record: stored, then sent. Nothing is queued without a webhook. */
export function enqueueRecord(record: CallRecord): Promise<void> {
  return serially(() => storeRecord(record)).then(() => drain());
}

async function storeRecord(record: CallRecord): Promise<void> {
  const entry = newEntry(record, Date.now());
  try {
    await putRecordAndEntry(record, entry);
    storageError = null;
  } catch (error) {
    storageError = storageErrorOf(error);
    unsaved.set(entry.key, entry);
  }
  void trimRecords().catch(() => undefined);
}

export async function hasRecord(callId: string): Promise<boolean> {
  return (await latestRecord(callId).catch(() => null)) !== null || [...unsaved.values()].some((e) => e.callId === callId);
}

/** The call's notes or disposition changed after its record was made: amend or queue an update. */
export function noteUpdated(callId: string, note: CallNote): Promise<void> {
  return serially(() => storeUpdate(callId, note)).then(() => drain());
}

async function storeUpdate(callId: string, note: CallNote): Promise<void> {
  const latest = await latestRecord(callId).catch(() => null);
  if (latest === null) return;
  const { entry, latest: newest } = noteChanged(await entriesNow(), latest, note, Date.now());
  if (entry === null) return;
  try {
    await putRecordAndEntry(newest, entry);
  } catch (error) {
    storageError = storageErrorOf(error);
    unsaved.set(entry.key, entry);
  }
}

/** Tries every waiting record now. */
export async function retryNow(): Promise<void> {
  const entries = (await entriesNow()).filter((e) => e.status === 'pending').map((e) => ({ ...e, nextAttemptAt: Date.now() }));
  await save(entries);
  await drain();
}

/**
 * At start: what was in flight when the browser stopped is pending again, and everything waiting
 * is tried at once (the receiver or the network may well have come back meanwhile).
 */
export function startDelivery(): void {
  chrome.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === ALARM) void drain();
  });
  // Records waiting for the webhook site's grant (one the administrator's policy set) go as soon as the agent allows it.
  chrome.permissions.onAdded.addListener(() => void retryNow());
  void (async () => {
    const entries = await entriesNow();
    const now = Date.now();
    const recovered = recover(entries, now).map((e) => (e.status === 'pending' && e.nextAttemptAt > now ? { ...e, nextAttemptAt: now } : e));
    await save(recovered.filter((e, i) => e !== entries[i]));
    await drain();
  })();
}
