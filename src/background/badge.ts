import { badgeFor } from '../calls/badge';
import { unseenMissedCalls } from '../calls/recentCalls';
import type { SoftphoneSnapshot } from '../calls/snapshot';
import { t } from '../i18n';
import { badgeTitleText } from '../i18n/registrationText';
import { storageKeys } from '../storage/keys';
import { read, watchAny } from '../storage/read';
import { loadRecentCalls } from '../storage/recentCallsStore';

let snapshot: SoftphoneSnapshot | null = null;

let missedCalls = 0;
/** A line about call queues under the softphone's state in the tooltip (e.g. "Logged into 2 queues"). */
let queuesTitle = '';
/** The agent's status when not ready (wrap-up countdown, AWAY, DND), shown when no call is up. */
let agentStatus: { text: string; mode: string } | null = null;

async function render(): Promise<void> {
  if (snapshot === null) return;
  const standard = badgeFor(snapshot, missedCalls);
  const idle = snapshot.calls.length === 0 && snapshot.registration.state === 'registered';
  const badge = idle && agentStatus ? { ...standard, text: agentStatus.text, color: '#7c3aed' } : standard;
  const statusTitle = idle && agentStatus ? t(agentStatus.mode === 'wrapUp' ? 'agentWrapUp' : agentStatus.mode === 'dnd' ? 'agentDnd' : 'agentNotReady') : '';
  await Promise.all([
    chrome.action.setBadgeText({ text: badge.text }),
    chrome.action.setBadgeBackgroundColor({ color: badge.color }),
    chrome.action.setTitle({ title: [badgeTitleText(badge.title), statusTitle, queuesTitle].filter(Boolean).join('\n') }),
  ]);
}

export function showQueuesOnBadge(title: string): void {
  queuesTitle = title;
  void render();
}

export function showAgentStatusOnBadge(text: string | null, mode: string): void {
  agentStatus = text === null ? null : { text, mode };
  void render();
}

export function showSnapshotOnBadge(next: SoftphoneSnapshot): void {
  snapshot = next;
  void render();
}

async function countMissedCalls(): Promise<void> {
  const seenAt = await read(storageKeys.recentCallsSeenAt);
  missedCalls = unseenMissedCalls(await loadRecentCalls(), seenAt);
  await render();
}

/** The badge counts missed calls until the agent has seen them. */
export function countMissedCallsOnBadge(): void {
  void countMissedCalls();
  watchAny([storageKeys.recentCalls, storageKeys.recentCallsSeenAt], () => void countMissedCalls());
}
