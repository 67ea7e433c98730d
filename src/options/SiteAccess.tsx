import { useEffect, useState } from 'preact/hooks';
import { t } from '../i18n';

/**
 * "Allow access to <site>" while the extension may not reach a site a setting needs: one the
 * administrator's policy set comes without it. The grant is the agent's own, on this click.
 */
export function SiteAccess({ pattern, origin, refusedText, onGranted }: { pattern: string; origin: string; refusedText: string; onGranted?: () => void }) {
  const [granted, setGranted] = useState<boolean | null>(null);
  const [refused, setRefused] = useState(false);
  useEffect(() => {
    const check = (): void => void chrome.permissions.contains({ origins: [pattern] }).then(setGranted);
    check();
    chrome.permissions.onAdded.addListener(check);
    chrome.permissions.onRemoved.addListener(check);
    return () => {
      chrome.permissions.onAdded.removeListener(check);
      chrome.permissions.onRemoved.removeListener(check);
    };
  }, [pattern]);
  if (granted !== false) return null;
  // The permission prompt needs the click's user gesture: it must be the first thing done.
  const allow = (): void => {
    void chrome.permissions.request({ origins: [pattern] }).then((ok) => {
      setRefused(!ok);
      if (ok) onGranted?.();
    });
  };
  return (
    <>
      <button type="button" onClick={allow}>
        {t('cardDavAllowAccess', origin)}
      </button>
      {refused && (
        <p role="alert" class="error">
          {refusedText}
        </p>
      )}
    </>
  );
}
