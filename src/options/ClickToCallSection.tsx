import { useState } from 'preact/hooks';
import { ALL_SITES_PATTERNS } from '../clicktocall/settings';
import { t } from '../i18n';
import { errorText } from '../i18n/errorText';
import type { Result } from '../protocol/api';
import { request } from '../protocol/client';
import { storageKeys } from '../storage/keys';
import { PolicyNote, policyNoteId } from '../ui/PolicyNote';
import { useWithPolicy } from '../ui/usePolicy';

/** Where click-to-call runs (all sites, or the sites enabled from the popup) and what a click does. */
export function ClickToCallSection() {
  const { value: settings, locked } = useWithPolicy('clickToCall', storageKeys.clickToCall);
  const [error, setError] = useState('');
  const report = (result: Result): void => setError(result.ok ? '' : errorText(result.error));

  const setAllSites = (on: boolean): void => {
    if (!on) return void request('background', 'saveClickToCallSettings', { allSites: false }).then(report);
    // The permission prompt needs the click's user gesture: it must be the first thing done.
    void chrome.permissions.request({ origins: ALL_SITES_PATTERNS }).then(async (granted) => {
      if (!granted) return setError(t('clickToCallNotGranted'));
      report(await request('background', 'saveClickToCallSettings', { allSites: true }));
    });
  };

  return (
    <section aria-labelledby="click-to-call-heading" class="settings-section">
      <h2 id="click-to-call-heading">{t('clickToCallHeading')}</h2>
      <p class="hint">{t('clickToCallIntro')}</p>
      <div class="field checkbox">
        <input
          id="click-to-call-all-sites"
          type="checkbox"
          checked={settings.allSites}
          disabled={locked.has('allSites')}
          aria-describedby={policyNoteId('click-to-call-all-sites', locked.has('allSites'))}
          onChange={(e) => setAllSites(e.currentTarget.checked)}
        />
        <label for="click-to-call-all-sites">{t('clickToCallAllSites')}</label>
        {locked.has('allSites') && <PolicyNote id="click-to-call-all-sites-policy" />}
      </div>
      <div class="field checkbox">
        <input
          id="click-to-call-at-once"
          type="checkbox"
          checked={settings.callAtOnce}
          disabled={locked.has('callAtOnce')}
          aria-describedby={policyNoteId('click-to-call-at-once', locked.has('callAtOnce'))}
          onChange={(e) => void request('background', 'saveClickToCallSettings', { callAtOnce: e.currentTarget.checked }).then(report)}
        />
        <label for="click-to-call-at-once">{t('clickToCallAtOnce')}</label>
        {locked.has('callAtOnce') && <PolicyNote id="click-to-call-at-once-policy" />}
      </div>
      <h3>{t('clickToCallSites')}</h3>
      {locked.has('sites') && <PolicyNote id="click-to-call-sites-policy" />}
      {settings.sites.length === 0 ? (
        <p class="hint">{t('clickToCallNoSites')}</p>
      ) : (
        <ul class="site-list">
          {settings.sites.map((site) => (
            <li key={site}>
              {new URL(site).host}{' '}
              <button
                type="button"
                hidden={locked.has('sites')}
                onClick={() => void request('background', 'setClickToCallSite', { site, enabled: false }).then(report)}
              >
                {t('clickToCallTurnOff')}
              </button>
            </li>
          ))}
        </ul>
      )}
      {error && (
        <p role="alert" class="error">
          {error}
        </p>
      )}
    </section>
  );
}
