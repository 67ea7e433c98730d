import { appError, invalidNumber } from '../../calls/errors';
import { reducePageNumber } from '../../clicktocall/pageNumber';
import { numberInSelection } from '../../clicktocall/selection';
import { siteOf } from '../../clicktocall/settings';
import type { clickToCallRequests, contentScriptRequests } from '../../protocol/clickToCall';
import type { Routes } from '../../protocol/server';
import { storedAccountDomain } from '../../storage/accountStore';
import { loadClickToCallSettings } from '../../storage/clickToCallStore';
import { syncContentScript } from './contentScript';
import { installCallSelectionMenu } from './contextMenu';
import { handOver, offerNumber, readingCountryOfAgent, takeOfferedNumber } from './handOver';
import { followPermissionChanges } from './permissionChanges';
import { disableSite, enableSite, saveClickToCallOptions } from './settings';

/**
 * Click-to-call in the service worker, one module a job: its settings, sites turned on and off
 * (settings.ts), the registered content script (contentScript.ts), site access (sitePermissions.ts), the
 * softphone window (softphoneWindow.ts), handing a number over (handOver.ts), the context menu
 * (contextMenu.ts) and permissions withdrawn in the browser (permissionChanges.ts).
 */

/** What click-to-call in a page may ask: hand over a number the agent clicked, and how to read numbers. */
export const clickToCallContentRoutes = {
  clickToCall: async ({ number, via }, sender) => {
    const settings = await loadClickToCallSettings();
    const site = siteOf(sender.url ?? '');
    // A script left running on a site the agent has since disabled gets nowhere.
    if (site === null || !(settings.allSites || settings.sites.includes(site))) return { ok: false, error: appError('click_to_call_off') };
    return handOver(reducePageNumber(number, await storedAccountDomain()), via === 'button' && settings.callAtOnce, sender.tab);
  },
  clickToCallSetup: async () => ({ country: await readingCountryOfAgent() }),
} satisfies Routes<'background', typeof contentScriptRequests>;

export const clickToCallRoutes = {
  setClickToCallSite: async ({ site, enabled, tabId }) => {
    if (siteOf(site) !== site) return { ok: false, error: { code: 'not_a_web_site', params: [site] } };
    return enabled ? enableSite(site, tabId) : disableSite(site);
  },
  saveClickToCallSettings: (patch) => saveClickToCallOptions(patch),
  handOverLink: async ({ link }) => {
    const reduced = reducePageNumber(link, await storedAccountDomain());
    if (!reduced.ok) return { ok: false, error: invalidNumber(reduced.error) };
    await offerNumber(reduced.dial);
    return { ok: true, value: null };
  },
  takePendingNumber: async ({ selection }) => {
    const pending = await takeOfferedNumber();
    if (pending !== null || !selection) return { number: pending };
    const selected = numberInSelection(selection, await readingCountryOfAgent(), await storedAccountDomain());
    return { number: selected.ok ? selected.dial : null };
  },
} satisfies Routes<'background', typeof clickToCallRequests>;

/** The context menu, permission changes, and the content script registered as the settings say. */
export function startClickToCall(): void {
  installCallSelectionMenu();
  followPermissionChanges();
  void syncContentScript().catch((error: unknown) => console.warn('click-to-call registration failed:', error));
}
