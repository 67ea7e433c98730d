import { badgeFor } from '../calls/badge';
import type { SoftphoneSnapshot } from '../calls/snapshot';

export async function showBadge(snapshot: SoftphoneSnapshot): Promise<void> {
  const badge = badgeFor(snapshot);
  await Promise.all([
    chrome.action.setBadgeText({ text: badge.text }),
    chrome.action.setBadgeBackgroundColor({ color: badge.color }),
    chrome.action.setTitle({ title: `VoIP Widget: ${badge.title}` }),
  ]);
}
