import type { QueueSettings } from './settings';
import { type QueueState, queuesToLogOut } from './state';

/** The next time (epoch ms) strictly after `now` when the local clock reads `time` ("HH:MM"). */
export function nextReminderAt(now: number, time: string): number {
  const [hours = 18, minutes = 0] = time.split(':').map(Number);
  const due = new Date(now);
  due.setHours(hours, minutes, 0, 0);
  // setDate keeps the wall-clock time across a daylight-saving change, unlike adding 24 h.
  if (due.getTime() <= now) due.setDate(due.getDate() + 1);
  due.setHours(hours, minutes, 0, 0);
  return due.getTime();
}

/** Remind only an agent who is still logged into some queue they could log out of. */
export function shouldRemind(settings: QueueSettings, state: QueueState): boolean {
  return settings.reminder.enabled && queuesToLogOut(settings.queues, state).length > 0;
}
