import { useState } from 'preact/hooks';
import { type CrmTemplateProblem, checkCrmTemplate } from '../contacts/crmLookup';
import { type MessageKey, t } from '../i18n';
import { request } from '../protocol/client';
import { storageKeys } from '../storage/keys';
import { useStoredValue } from '../ui/useStoredValue';
import { Field } from './Field';

const PROBLEMS: Record<CrmTemplateProblem | 'permission_refused', MessageKey> = {
  not_a_url: 'crmErrorNotUrl',
  not_https: 'crmErrorNotHttps',
  no_placeholder: 'crmErrorNoPlaceholder',
  permission_refused: 'crmErrorPermission',
};

/**
 * A CRM lookup URL names callers the contacts do not know. Access to its site is asked for when
 * the agent saves it, and only for that site.
 */
export function CrmLookupSection() {
  const stored = useStoredValue(storageKeys.crmLookupUrl);
  const [draft, setDraft] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<{ ok: boolean; text: string } | null>(null);
  const value = draft ?? stored;

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
      <Field id="crm-url" label={t('crmUrl')} hint={t('crmUrlHint')} value={value} onInput={setDraft} />
      <button type="button" onClick={() => void save()}>
        {t('crmSave')}
      </button>
      {outcome && (
        <p role={outcome.ok ? 'status' : 'alert'} class={outcome.ok ? 'import-ok' : 'error'}>
          {outcome.text}
        </p>
      )}
    </section>
  );
}
