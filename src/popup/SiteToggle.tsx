import { useEffect, useState } from 'preact/hooks';
import { isEnabledOn, siteOf, sitePattern } from '../clicktocall/settings';
import { t } from '../i18n';
import { errorText } from '../i18n/errorText';
import { request } from '../protocol/client';
import { storageKeys } from '../storage/keys';
import { useWithPolicy } from '../ui/usePolicy';

interface SiteTab {
  id: number;
  site: string;
}

/** The web page the popup is about: the tab it was opened for (?tab=), else the active tab. */
async function siteTab(): Promise<SiteTab | null> {
  const named = Number(new URLSearchParams(location.search).get('tab'));
  const tab =
    Number.isInteger(named) && named > 0
      ? await chrome.tabs.get(named).catch(() => undefined)
      : (await chrome.tabs.query({ active: true, currentWindow: true }))[0];
  // The URL is known only with activeTab (the agent opened the popup) or access to the site.
  const site = siteOf(tab?.url ?? '');
  return tab?.id !== undefined && site !== null ? { id: tab.id, site } : null;
}

/** "Enable click-to-call on <site>": asks for access to that one site, from the agent's click. */
export function SiteToggle() {
  const { value: settings, locked } = useWithPolicy('clickToCall', storageKeys.clickToCall);
  const [tab, setTab] = useState<SiteTab | null>(null);
  const [error, setError] = useState('');
  const [granted, setGranted] = useState(true);
  useEffect(() => void siteTab().then(setTab, () => setTab(null)), []);
  useEffect(() => {
    if (tab !== null) void chrome.permissions.contains({ origins: [sitePattern(tab.site)] }).then(setGranted, () => setGranted(true));
  }, [tab]);
  if (tab === null || settings.allSites) return null;

  const host = new URL(tab.site).hostname;
  const enabled = isEnabledOn(settings, tab.site);
  const enable = (): void => {
    // The permission prompt needs the click's user gesture: it must be the first thing done.
    void chrome.permissions.request({ origins: [sitePattern(tab.site)] }).then(async (granted) => {
      if (!granted) return setError(t('clickToCallNotGranted'));
      const result = await request('background', 'setClickToCallSite', { site: tab.site, enabled: true, tabId: tab.id });
      setError(result.ok ? '' : errorText(result.error));
    });
  };
  const disable = (): void =>
    void request('background', 'setClickToCallSite', { site: tab.site, enabled: false }).then((result) => setError(result.ok ? '' : errorText(result.error)));

  return (
    <div class="site-toggle">
      {locked.has('sites') ? (
        // The administrator chose the sites; one of them still needs the agent's grant to run.
        enabled &&
        !granted && (
          <button type="button" class="link-button" onClick={enable}>
            {t('clickToCallEnableOn', host)}
          </button>
        )
      ) : (
        <button type="button" class="link-button" onClick={enabled ? disable : enable}>
          {t(enabled ? 'clickToCallDisableOn' : 'clickToCallEnableOn', host)}
        </button>
      )}
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
