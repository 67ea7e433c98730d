import { ensureOffscreenDocument } from './offscreenDocument';

const ALARM = 'softphone-watchdog';

/**
 * The offscreen document can be closed or crash; every wake-up of the service worker and a
 * periodic alarm bring it back (it then loads its settings and registers again).
 */
export function watchOffscreenDocument(): void {
  void chrome.alarms.create(ALARM, { periodInMinutes: 0.5 });
  chrome.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === ALARM) void ensureOffscreenDocument();
  });
  void ensureOffscreenDocument().catch((error: unknown) => console.warn('offscreen document not created:', error));
}
