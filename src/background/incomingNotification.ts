import {
  actionForButton,
  callIdFromNotification,
  type IncomingNotificationWords,
  incomingNotificationText,
  NOTIFICATION_BUTTONS,
  notificationChanges,
  notificationIdFor,
} from '../calls/incomingNotification';
import type { SoftphoneSnapshot } from '../calls/snapshot';
import { t } from '../i18n';
import { askSoftphone } from './askSoftphone';

const words: IncomingNotificationWords = {
  from: (number) => t('incomingCallFrom', number),
  incoming: t('incomingCallLabel'),
  queue: (name) => t('queueIncoming', name),
};

async function popupIsOpen(): Promise<boolean> {
  const contexts = await chrome.runtime.getContexts({ contextTypes: [chrome.runtime.ContextType.POPUP] });
  return contexts.length > 0;
}

/**
 * The incoming-call notifications on screen, as the browser knows them. The service worker can be
 * stopped and started again while a call rings: what it kept in memory is gone then, and a
 * notification shown before would never be cleared.
 */
async function shownNotifications(): Promise<Set<string>> {
  const all = await chrome.notifications.getAll();
  return new Set(Object.keys(all).filter((id) => callIdFromNotification(id) !== null));
}

let updating: Promise<void> = Promise.resolve();

/** A ringing call shows a system notification with Answer and Decline while the popup is closed. */
export function showIncomingCallNotifications(snapshot: SoftphoneSnapshot): Promise<void> {
  // One snapshot at a time: each reads what the one before it left on screen.
  updating = updating.then(() => updateNotifications(snapshot)).catch((error: unknown) => console.warn('incoming-call notification:', error));
  return updating;
}

/** After a restart of the service worker: clears what no call rings for any more (the softphone may have restarted too). */
export async function reconcileIncomingCallNotifications(): Promise<void> {
  if ((await shownNotifications()).size === 0) return;
  await showIncomingCallNotifications(await askSoftphone('getSnapshot', {}));
}

async function updateNotifications(snapshot: SoftphoneSnapshot): Promise<void> {
  const { show, clear } = notificationChanges(await shownNotifications(), snapshot.calls);
  for (const id of clear) await chrome.notifications.clear(id);
  if (show.length === 0 || (await popupIsOpen())) return;
  for (const call of show) {
    const id = notificationIdFor(call);
    await chrome.notifications.create(id, {
      type: 'basic',
      iconUrl: chrome.runtime.getURL('icons/icon-128.png'),
      ...incomingNotificationText(call, words),
      // In the order actionForButton reads a clicked button's index back.
      buttons: NOTIFICATION_BUTTONS.map((action) => ({ title: t(action) })),
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
    void askSoftphone(action, { callId });
  });
  chrome.notifications.onClicked.addListener((notificationId) => {
    if (callIdFromNotification(notificationId) !== null) void chrome.action.openPopup().catch(() => undefined);
  });
}
