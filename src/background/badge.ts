import browser from 'webextension-polyfill';
import { badgeFor } from '../calls/badge';
import { unseenMissedCalls } from '../calls/recentCalls';
import type { SoftphoneSnapshot } from '../calls/snapshot';
import { loadRecentCalls, RECENT_CALLS_KEY, RECENT_SEEN_KEY } from './recentCallsStore';

let snapshot: SoftphoneSnapshot | null = null;
let missedCalls = 0;
/** A line about call queues under the softphone's state in the tooltip (e.g. "Logged into 2 queues"). */
let queuesTitle = '';

async function render(): Promise<void> {
  if (snapshot === null) return;
  const badge = badgeFor(snapshot, missedCalls);
  await Promise.all([
    chrome.action.setBadgeText({ text: badge.text }),
    chrome.action.setBadgeBackgroundColor({ color: badge.color }),
    chrome.action.setTitle({ title: [`VoIP Widget: ${badge.title}`, queuesTitle].filter(Boolean).join('\n') }),
  ]);
}

export function showQueuesOnBadge(title: string): void {
  queuesTitle = title;
  void render();
}

export function showSnapshotOnBadge(next: SoftphoneSnapshot): void {
  snapshot = next;
  void render();
}

async function countMissedCalls(): Promise<void> {
  const seenAt = Number((await browser.storage.local.get(RECENT_SEEN_KEY))[RECENT_SEEN_KEY] ?? 0);
  missedCalls = unseenMissedCalls(await loadRecentCalls(), seenAt);
  await render();
}

/** The badge counts missed calls until the agent has seen them. */
export function countMissedCallsOnBadge(): void {
  void countMissedCalls();
  browser.storage.onChanged.addListener((changes, area) => {
    if (area === 'local' && (RECENT_CALLS_KEY in changes || RECENT_SEEN_KEY in changes)) void countMissedCalls();
  });
}
