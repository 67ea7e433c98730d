import type { CallSnapshot } from './snapshot';

const PREFIX = 'incoming-call:';

export type NotificationAction = 'answer' | 'decline';
/** Button order on the notification: the service worker lays the buttons out in it, actionForButton reads them back. */
export const NOTIFICATION_BUTTONS: readonly NotificationAction[] = ['answer', 'decline'];

export function notificationIdFor(call: CallSnapshot): string {
  return PREFIX + call.id;
}

export function callIdFromNotification(notificationId: string): string | null {
  return notificationId.startsWith(PREFIX) ? notificationId.slice(PREFIX.length) : null;
}

export function actionForButton(buttonIndex: number): NotificationAction | null {
  return NOTIFICATION_BUTTONS[buttonIndex] ?? null;
}

/** Which incoming-call notifications should exist for these calls, and which to clear. */
export function notificationChanges(shown: ReadonlySet<string>, calls: readonly CallSnapshot[]): { show: CallSnapshot[]; clear: string[] } {
  const ringing = calls.filter((c) => c.state === 'incoming');
  const wanted = new Set(ringing.map(notificationIdFor));
  return {
    show: ringing.filter((c) => !shown.has(notificationIdFor(c))),
    clear: [...shown].filter((id) => !wanted.has(id)),
  };
}
