import type { Worker } from 'playwright-core';

export type ShownNotification = chrome.notifications.NotificationOptions & { title: string; message: string };

/**
 * Headless Chromium shows no notification: from now on, keeps what the service worker asks it to
 * show (and still shows it). Returns a reader of those kept so far, oldest first.
 */
export async function keepNotifications(sw: Worker): Promise<() => Promise<ShownNotification[]>> {
  await sw.evaluate(() => {
    const created: chrome.notifications.NotificationOptions[] = [];
    const notifications = chrome.notifications as unknown as { create(id: string, options: object): Promise<string> };
    const create = notifications.create.bind(notifications);
    notifications.create = (id, options) => (created.push(options), create(id, options));
    (self as unknown as { created: typeof created }).created = created;
  });
  return () => sw.evaluate(() => (self as unknown as { created: ShownNotification[] }).created);
}
