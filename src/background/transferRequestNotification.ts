import type { SoftphoneSnapshot } from '../calls/snapshot';
import { t } from '../i18n';
import { partyNumber, sentName } from '../i18n/party';
import { request } from '../protocol/client';
import { ensureOffscreenDocument } from './offscreenDocument';

const PREFIX = 'transfer-request:';
const shown = new Set<string>();

/**
 * A far end's transfer request shows a notification with Accept and Refuse, so an agent with the
 * popup closed can answer it; a request that is answered or expires takes its notification away.
 */
export async function showTransferRequestNotifications(snapshot: SoftphoneSnapshot): Promise<void> {
  const wanted = new Map(snapshot.transferRequests.map((r) => [PREFIX + r.id, r]));
  for (const id of [...shown]) {
    if (wanted.has(id)) continue;
    shown.delete(id);
    await chrome.notifications.clear(id);
  }
  for (const [id, transfer] of wanted) {
    if (shown.has(id)) continue;
    shown.add(id);
    const call = snapshot.calls.find((c) => c.id === transfer.callId);
    const name = call ? sentName(call) : null;
    await chrome.notifications.create(id, {
      type: 'basic',
      iconUrl: chrome.runtime.getURL('icons/icon-128.png'),
      title: t('transferRequestLabel'),
      message: t('transferRequestText', [call ? partyNumber(call) : '', transfer.shownNumber || transfer.number]),
      // The name the far end sent, on a line of its own: it cannot pass for the number above it.
      ...(name ? { contextMessage: t('sentName', [name]) } : {}),
      buttons: [{ title: t('transferRequestAccept') }, { title: t('transferRequestRefuse') }],
      requireInteraction: true,
    });
  }
}

/** Accept (first button) or Refuse (second) on the notification answers the request. */
export function answerTransferRequestsFromNotifications(): void {
  chrome.notifications.onButtonClicked.addListener((notificationId, buttonIndex) => {
    if (!notificationId.startsWith(PREFIX) || buttonIndex > 1) return;
    void chrome.notifications.clear(notificationId);
    const requestId = notificationId.slice(PREFIX.length);
    void ensureOffscreenDocument().then(() => request('offscreen', 'answerTransferRequest', { requestId, accept: buttonIndex === 0 }));
  });
}
