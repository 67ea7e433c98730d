import { ensureOffscreenDocument } from './offscreenDocument';

const ALARM = 'softphone-watchdog';
/**
 * How often the alarm fires. Chrome honours periods down to 30 s from Chrome 120 on (one minute
 * before), and the manifest's minimum_chrome_version is above that (test/unit/manifest.test.ts).
 */
export const WATCHDOG_PERIOD_MINUTES = 0.5;

/**
 * The offscreen document can be closed or crash; every wake-up of the service worker and a
 * periodic alarm bring it back (it then loads its settings and registers again).
 */
export function watchOffscreenDocument(): void {
  void chrome.alarms.create(ALARM, { periodInMinutes: WATCHDOG_PERIOD_MINUTES });
  chrome.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === ALARM) void ensureOffscreenDocument();
  });
  void ensureOffscreenDocument().catch((error: unknown) => console.warn('offscreen document not created:', error));
}
