import { ALL_SITES_PATTERNS, sitePattern } from '../../clicktocall/settings';
import { changeSettings } from './settings';

/** Keeps the settings and the registration in step when the agent withdraws a permission in the browser's settings. */
export function followPermissionChanges(): void {
  chrome.permissions.onRemoved.addListener(async ({ origins = [] }) => {
    const removed = new Set(origins);
    await changeSettings((settings) => ({
      ...settings,
      allSites: settings.allSites && !ALL_SITES_PATTERNS.some((p) => removed.has(p)) && !removed.has('<all_urls>'),
      sites: settings.sites.filter((site) => !removed.has(sitePattern(site))),
    }));
  });
}
