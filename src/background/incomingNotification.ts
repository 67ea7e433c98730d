import { actionForButton, callIdFromNotification, incomingNotificationText, notificationChanges, notificationIdFor, type IncomingNotificationWords } from '../calls/incomingNotification';
import type { SoftphoneSnapshot } from '../calls/snapshot';
import { request } from '../protocol/client';
import { t } from '../ui/i18n';
import { ensureOffscreenDocument } from './offscreenDocument';

const shown = new Set<string>();

const words: IncomingNotificationWords = {
  from: (number) => t('incomingCallFrom', number),
  incoming: t('incomingCallLabel'),
  queue: (name) => t('queueIncoming', name),
};

async function popupIsOpen(): Promise<boolean> {
  const contexts = await chrome.runtime.getContexts({ contextTypes: [chrome.runtime.ContextType.POPUP] });
  return contexts.length > 0;
}

/** A ringing call shows a system notification with Answer and Decline while the popup is closed. */
export async function showIncomingCallNotifications(snapshot: SoftphoneSnapshot): Promise<void> {
  const { show, clear } = notificationChanges(shown, snapshot.calls);
  for (const id of clear) {
    shown.delete(id);
    await chrome.notifications.clear(id);
  }
  if (show.length === 0 || (await popupIsOpen())) return;
  for (const call of show) {
    const id = notificationIdFor(call);
    shown.add(id);
    await chrome.notifications.create(id, {
      type: 'basic',
      iconUrl: chrome.runtime.getURL('icons/icon-128.png'),
      ...incomingNotificationText(call, words),
      buttons: [{ title: t('answer') }, { title: t('decline') }],
      requireInteraction: true,
      silent: true, // the softphone rings on the agent's chosen ringing device
    });
  }
}

export function answerFromNotifications(): void {
  chrome.notifications.onButtonClicked.addListener((notificationId, buttonIndex) => {
    const callId = callIdFromNotification(notificationId);
    const action = actionForButton(buttonIndex);
    if (callId === null || action === null) return;
    void chrome.notifications.clear(notificationId);
    void ensureOffscreenDocument().then(() => request('offscreen', action, { callId }));
  });
  chrome.notifications.onClicked.addListener((notificationId) => {
    if (callIdFromNotification(notificationId) !== null) void chrome.action.openPopup().catch(() => undefined);
  });
}
