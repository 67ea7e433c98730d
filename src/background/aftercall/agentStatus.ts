import { type AgentStatus, afterCall, busyUntil, changesAt, current, type EndedCallFacts, ready } from '../../aftercall/agentStatus';
import { request } from '../../protocol/client';
import { loadAfterCallSettings } from '../../storage/afterCallStore';
import { storageKeys } from '../../storage/keys';
import { read } from '../../storage/read';
import { writeStorage } from '../../storage/write';
import { showAgentStatusOnBadge } from '../badge';

/**
 * The agent's status: stored (it survives closing the popup and the browser), handed to the
 * softphone as the time until which calls hear busy, and shown on the badge, with the wrap-up
 * countdown in seconds.
 */
const ALARM = 'agent-status';
let timer: ReturnType<typeof setTimeout> | undefined;
let ticker: ReturnType<typeof setInterval> | undefined;

async function isTagged(): Promise<(callId: string) => boolean> {
  const notes = await read(storageKeys.callNotes);
  return (callId) => Boolean(notes[callId]?.disposition);
}

/** The stored status as it stands now (wrap-up over, do not disturb over), written back if it moved. */
export async function settledStatus(): Promise<AgentStatus> {
  return writeStorage(async (writer) => {
    const stored = await read(storageKeys.agentStatus);
    const now = current(stored, Date.now(), await isTagged());
    if (JSON.stringify(now) !== JSON.stringify(stored)) await writer.set(storageKeys.agentStatus, now);
    return now;
  });
}

function badgeText(status: AgentStatus): string | null {
  switch (status.mode) {
    case 'ready':
      return null;
    case 'notReady':
      return 'AWAY';
    case 'dnd':
      return 'DND';
    case 'wrapUp': {
      const left = Math.max(0, Math.ceil(((status.until ?? Date.now()) - Date.now()) / 1000));
      return left > 0 ? `${left}s` : 'WRAP';
    }
  }
}

async function apply(status: AgentStatus): Promise<void> {
  clearTimeout(timer);
  clearInterval(ticker);
  await request('offscreen', 'setAvailability', { busyUntil: busyUntil(status) }).catch(() => undefined);
  showAgentStatusOnBadge(badgeText(status), status.mode);
  if (status.mode === 'wrapUp') ticker = setInterval(() => showAgentStatusOnBadge(badgeText(status), status.mode), 1000);
  const at = changesAt(status);
  if (at !== null) {
    timer = setTimeout(() => void refresh(), Math.max(0, at - Date.now()) + 50);
    void chrome.alarms.create(ALARM, { when: Math.max(at, Date.now() + 30_000) });
  } else void chrome.alarms.clear(ALARM);
}

export async function refresh(): Promise<AgentStatus> {
  const status = await settledStatus();
  await apply(status);
  return status;
}

export async function callEnded(call: EndedCallFacts, endedAt: number): Promise<void> {
  const settings = await loadAfterCallSettings();
  const status = await writeStorage(async (writer) => {
    const before = current(await read(storageKeys.agentStatus), Date.now(), await isTagged());
    const after = afterCall(before, call, settings, endedAt);
    await writer.set(storageKeys.agentStatus, after);
    return after;
  });
  await apply(status);
}

export async function setStatus(
  mode: 'ready' | 'notReady' | 'dnd',
  until?: number,
): Promise<{ ok: true } | { ok: false; reason: 'disposition_required' | 'invalid' }> {
  if (mode === 'dnd' && (until === undefined || until <= Date.now())) return { ok: false, reason: 'invalid' };
  const tagged = await isTagged();
  const outcome = await writeStorage(async (writer) => {
    const before = current(await read(storageKeys.agentStatus), Date.now(), tagged);
    let next: AgentStatus;
    if (mode === 'ready') {
      const result = ready(before, tagged);
      if (!result.ok) return result;
      next = result.status;
    } else next = { mode, until: mode === 'dnd' ? (until ?? null) : null, callId: null, needsDisposition: false };
    await writer.set(storageKeys.agentStatus, next);
    return { ok: true as const, status: next };
  });
  if (!outcome.ok) return outcome;
  await apply(outcome.status);
  return { ok: true };
}

export function startAgentStatus(): void {
  chrome.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === ALARM) void refresh();
  });
  void refresh();
}
