import { appError } from '../../calls/errors';
import { ALL_SITES_PATTERNS, type ClickToCallSettings, parseClickToCallSettings, sitePattern, withSite } from '../../clicktocall/settings';
import type { Result } from '../../protocol/api';
import { type SettingsChange, updateClickToCallSettings } from '../../storage/clickToCallStore';
import { startInTab, syncContentScript } from './contentScript';
import { giveBackAccess, hasAccess } from './sitePermissions';

/** Stores what `change` makes of the settings (null: nothing) and registers the content script to match. */
export async function changeSettings(change: (current: ClickToCallSettings) => ClickToCallSettings | null): Promise<SettingsChange> {
  const changed = await updateClickToCallSettings(change);
  if (changed.after !== null) await syncContentScript(changed.after);
  return changed;
}

/** The settings page's choices: all sites (with the access the agent granted) and calling at once. */
export async function saveClickToCallOptions(patch: { allSites?: boolean; callAtOnce?: boolean }): Promise<Result> {
  if (patch.allSites === true && !(await hasAccess(ALL_SITES_PATTERNS))) {
    return { ok: false, error: appError('all_sites_refused') };
  }
  const { before, after } = await changeSettings((current) => {
    const parsed = parseClickToCallSettings({ ...current, ...patch });
    return parsed.ok ? parsed.value : null;
  });
  if (after === null) return { ok: false, error: appError('invalid_settings') };
  // Sites enabled one by one keep running: restarting them in their open tabs is left to a reload.
  if (before.allSites && !after.allSites) await giveBackAccess(ALL_SITES_PATTERNS);
  return { ok: true, value: null };
}

/** Turns click-to-call on for a site the agent granted access to (from the popup, with their click). */
export async function enableSite(site: string, tabId: number | undefined): Promise<Result> {
  // The popup asked for the permission from the agent's click; without it nothing could run.
  if (!(await hasAccess([sitePattern(site)]))) return { ok: false, error: { code: 'site_access_refused', params: [site] } };
  await changeSettings((current) => withSite(current, site, true));
  // Start at once in the tab the agent is looking at, rather than after a reload.
  if (tabId !== undefined) await startInTab(tabId);
  return { ok: true, value: null };
}

/** Turns click-to-call off for a site, and gives its access back unless all sites are on. */
export async function disableSite(site: string): Promise<Result> {
  const { after } = await changeSettings((current) => withSite(current, site, false));
  if (!after?.allSites) await giveBackAccess([sitePattern(site)]);
  return { ok: true, value: null };
}
