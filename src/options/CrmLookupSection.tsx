import { useState } from 'preact/hooks';
import { type CrmTemplateProblem, checkCrmTemplate } from '../contacts/crmLookup';
import { type MessageKey, t } from '../i18n';
import { crmLookupUnderPolicy, lockedFields } from '../policy/state';
import { request } from '../protocol/client';
import { storageKeys } from '../storage/keys';
import { usePolicy } from '../ui/usePolicy';
import { useStoredValue } from '../ui/useStoredValue';
import { Field } from './Field';
import { SiteAccess } from './SiteAccess';

const PROBLEMS: Record<CrmTemplateProblem | 'permission_refused', MessageKey> = {
  not_a_url: 'crmErrorNotUrl',
  not_https: 'crmErrorNotHttps',
  no_placeholder: 'crmErrorNoPlaceholder',
  permission_refused: 'crmErrorPermission',
};

/**
 * A CRM lookup URL names callers the contacts do not know. Access to its site is asked for when
 * the agent saves it, and only for that site; one the administrator's policy sets is locked, with
 * "Allow access to <site>" until the agent grants it (no lookup runs before).
 */
export function CrmLookupSection() {
  const own = useStoredValue(storageKeys.crmLookupUrl);
  const policy = usePolicy();
  const locked = lockedFields(policy, 'crmLookup').has('urlTemplate');
  const stored = crmLookupUnderPolicy(own, policy);
  const [draft, setDraft] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<{ ok: boolean; text: string } | null>(null);
  const value = locked ? stored : (draft ?? stored);
  const checkedStored = stored === '' ? null : checkCrmTemplate(stored);
  // The site as the agent knows it, port included (the permission pattern has none).
  const site = checkedStored?.ok ? new URL(stored.replace(/\{(e164|digits|number)\}/g, '0')).origin : '';

  const save = async (): Promise<void> => {
    const template = value.trim();
    if (template !== '') {
      const checked = checkCrmTemplate(template);
      if (!checked.ok) return setOutcome({ ok: false, text: t(PROBLEMS[checked.problem]) });
      const granted = await chrome.permissions.request({ origins: [checked.origin] }).catch(() => false);
      if (!granted) return setOutcome({ ok: false, text: t(PROBLEMS.permission_refused) });
    }
    const result = await request('background', 'saveCrmLookupUrl', { urlTemplate: template });
    setOutcome(result.ok ? { ok: true, text: t('crmSaved') } : { ok: false, text: t(PROBLEMS[result.problem]) });
    if (result.ok) setDraft(null);
  };

  return (
    <section aria-labelledby="crm-heading" class="settings-section">
      <h2 id="crm-heading">{t('crmHeading')}</h2>
      <Field id="crm-url" label={t('crmUrl')} hint={t('crmUrlHint')} value={value} onInput={setDraft} locked={locked} />
      {checkedStored?.ok && <SiteAccess pattern={checkedStored.origin} origin={site} refusedText={t('crmAccessRefused', site)} />}
      {!locked && (
        <button type="button" onClick={() => void save()}>
          {t('crmSave')}
        </button>
      )}
      {outcome && (
        <p role={outcome.ok ? 'status' : 'alert'} class={outcome.ok ? 'import-ok' : 'error'}>
          {outcome.text}
        </p>
      )}
    </section>
  );
}
