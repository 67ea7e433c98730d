import { t } from '../i18n';
import { describeQueueOutcomes } from '../i18n/queueText';
import { nextReminderAt, type QueueOutcome, queuesToLogOut, shouldRemind } from '../queues';
import { loadQueueSettings, loadQueueState, onQueuesChanged } from '../storage/queuesStore';

const ALARM = 'queue-reminder';
const NOTIFICATION = 'queue-reminder';
const RESULT_NOTIFICATION = 'queue-logout-result';

/**
 * (Re)schedules the end-of-day reminder. On a plain wake-up an alarm already due is left alone:
 * Chrome fires an alarm missed while the browser was closed once it starts again.
 */
async function schedule(replace: boolean): Promise<void> {
  const { reminder } = await loadQueueSettings();
  if (!reminder.enabled) {
    await chrome.alarms.clear(ALARM);
    return;
  }
  const now = Date.now();
  const due = nextReminderAt(now, reminder.time);
  const existing = await chrome.alarms.get(ALARM);
  if (!replace && existing && (existing.scheduledTime === due || existing.scheduledTime <= now)) return;
  await chrome.alarms.create(ALARM, { when: due });
}

async function remind(): Promise<void> {
  const [settings, state] = [await loadQueueSettings(), await loadQueueState()];
  if (!shouldRemind(settings, state)) return;
  const names = queuesToLogOut(settings.queues, state).map((q) => q.name);
  await chrome.notifications.create(NOTIFICATION, {
    type: 'basic',
    iconUrl: chrome.runtime.getURL('icons/icon-128.png'),
    title: t('queueReminderTitle'),
    message: t('queueReminderMessage', names.join(', ')),
    buttons: [{ title: t('logOutOfAllQueues') }],
    requireInteraction: true,
    priority: 2,
  });
}

async function logOutFromNotification(logOutOfAll: () => Promise<QueueOutcome[]>): Promise<void> {
  await chrome.notifications.clear(NOTIFICATION);
  const outcomes = await logOutOfAll();
  await chrome.notifications.create(RESULT_NOTIFICATION, {
    type: 'basic',
    iconUrl: chrome.runtime.getURL('icons/icon-128.png'),
    title: t('queuesTitle'),
    message: describeQueueOutcomes(outcomes),
  });
}

/** Logged out of everything since the reminder showed: it has nothing left to say. */
async function withdrawWhenLoggedOut(): Promise<void> {
  const [settings, state] = [await loadQueueSettings(), await loadQueueState()];
  if (queuesToLogOut(settings.queues, state).length === 0) await chrome.notifications.clear(NOTIFICATION);
}

/** A reminder at the configured time while the agent is still logged into a queue, with "Log out of all". */
export function startQueueReminder(logOutOfAll: () => Promise<QueueOutcome[]>): void {
  chrome.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name !== ALARM) return;
    void remind().finally(() => void schedule(true));
  });
  chrome.notifications.onButtonClicked.addListener((id, button) => {
    if (id === NOTIFICATION && button === 0) void logOutFromNotification(logOutOfAll);
  });
  onQueuesChanged(({ settings, state }) => {
    if (settings) void schedule(true);
    if (state) void withdrawWhenLoggedOut();
  });
  void schedule(false);
}
