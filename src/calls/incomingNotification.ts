import { callContactLine } from '../contacts/callContact';
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

export interface IncomingNotificationText {
  title: string;
  message: string;
  contextMessage?: string;
}

export interface IncomingNotificationWords {
  /** "Incoming call from $1", with the number. */
  from(number: string): string;
  /** The title when the caller sent no number. */
  incoming: string;
  /** "Queue: $1". */
  queue(name: string): string;
}

/**
 * What an incoming-call notification says. The number is the title, the line of its own; the
 * caller's name is the message, alone: the name is whatever the caller chose to send, and joined
 * to the number in one line ("Police · +32…" followed by the real number) it could pass for one.
 */
export function incomingNotificationText(
  call: Pick<CallSnapshot, 'remoteNumber' | 'remoteName' | 'queueName' | 'contact'>,
  words: IncomingNotificationWords,
): IncomingNotificationText {
  const text: IncomingNotificationText = {
    // A caller in the agent's own contacts is named with the number on one line: the agent wrote that name.
    title: call.contact ? callContactLine(call.contact) : call.remoteNumber === '' ? words.incoming : words.from(call.remoteNumber),
    message: call.remoteName ?? '',
  };
  if (call.queueName) text.contextMessage = words.queue(call.queueName);
  return text;
}
