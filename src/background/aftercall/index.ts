import { busyUntil } from '../../aftercall/agentStatus';
import { callRecordFrom, emptyNote } from '../../aftercall/callRecord';
import { withNote } from '../../aftercall/notes';
import type { CallSnapshot } from '../../calls/snapshot';
import type { afterCallRequests } from '../../protocol/aftercall';
import type { Routes } from '../../protocol/server';
import { loadAfterCallSettings, saveAfterCallSettings } from '../../storage/afterCallStore';
import { storageKeys } from '../../storage/keys';
import { read, watch } from '../../storage/read';
import { writeStorage } from '../../storage/write';
import { callEnded, refresh, setStatus, settledStatus, startAgentStatus } from './agentStatus';
import { drain, enqueueRecord, hasRecord, noteUpdated, retryNow, startDelivery } from './delivery';

/**
 * After the call, in the service worker: notes and dispositions saved as the agent types or
 * clicks, the agent's status, and each finished call's record for the webhook.
 */
export const afterCallRoutes = {
  saveCallNote: async ({ callId, notes, disposition }) => {
    try {
      const saved = await writeStorage(async (writer) => {
        const next = withNote(await read(storageKeys.callNotes), callId, { notes, disposition }, Date.now());
        await writer.set(storageKeys.callNotes, next);
        return next[callId] ?? emptyNote;
      });
      void noteUpdated(callId, saved).catch(() => undefined);
      if (disposition !== undefined) void refresh();
      return { ok: true, value: null };
    } catch (error) {
      console.warn('call note not saved:', error);
      return { ok: false, error: { code: 'storage_full' } };
    }
  },
  saveAfterCallSettings: ({ settings }) => saveAfterCallSettings(settings),
  setAgentStatus: ({ mode, until }) => setStatus(mode, until),
  agentAvailability: async () => ({ busyUntil: busyUntil(await settledStatus()) }),
  retryOutbox: async () => {
    await retryNow();
    return { ok: true, value: null };
  },
} satisfies Routes<'background', typeof afterCallRequests>;

let lastCallId: string | null = null;

/** A call has ended (every snapshot repeats the last one: each is handled once). */
export async function afterCallEnded(call: CallSnapshot, agent: string | null, callerIdOf: (call: CallSnapshot) => Promise<string | null>): Promise<void> {
  if (call.id === lastCallId) return;
  lastCallId = call.id;
  if (await hasRecord(call.id)) return;
  // A restarted service worker sees the last call again in the softphone's snapshot: wrap-up
  // follows a call that has just ended, not one from minutes ago.
  const endedAt = call.endedAt ?? Date.now();
  if (Date.now() - endedAt < 10_000) await callEnded({ id: call.id, queue: Boolean(call.queueName), answered: call.answeredAt !== null }, endedAt);
  const settings = await loadAfterCallSettings();
  if (settings.webhookUrl === '') return;
  const note = (await read(storageKeys.callNotes))[call.id] ?? emptyNote;
  const callerId = await callerIdOf(call).catch(() => null);
  await enqueueRecord(callRecordFrom(call, { callerId, agent, note: { notes: note.notes, disposition: note.disposition } }));
}

export function startAfterCall(): void {
  startDelivery();
  startAgentStatus();
  watch(storageKeys.afterCallSettings, () => void drain());
}
