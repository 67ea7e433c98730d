import type { TargetedEvent } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { type ColleagueSettings, type ColleagueSettingsError, exportColleagueSettings, importColleagueSettings } from '../colleagues';
import { t } from '../i18n';
import { colleagueErrorText, describeColleagueSettingsError } from '../i18n/colleagueText';
import { lockedFields } from '../policy/state';
import { request } from '../protocol/client';
import { loadColleagueSettings } from '../storage/colleaguesStore';
import { downloadFile } from '../ui/download';
import { PolicyNote } from '../ui/PolicyNote';
import { usePolicy } from '../ui/usePolicy';
import { Field } from './Field';

type List = 'colleagues' | 'quickCalls';

/** Colleagues to watch, quick calls and the PBX's pickup code: edited by hand or from an administrator's file. */
export function ColleaguesSection() {
  const [form, setForm] = useState<ColleagueSettings | null>(null);
  const [errors, setErrors] = useState<ColleagueSettingsError[]>([]);
  const [status, setStatus] = useState<{ text: string; ok: boolean } | null>(null);

  const policy = usePolicy();
  const locked = lockedFields(policy, 'colleagueSettings');
  useEffect(() => {
    void loadColleagueSettings().then(setForm);
  }, [policy]);
  if (form === null) return null;

  const change = (next: ColleagueSettings): void => {
    setForm(next);
    setStatus(null);
  };
  const errorAt = (list: List, index: number, field: string): string | undefined => {
    const error = errors.find((e) => e.list === list && e.index === index && e.field === field);
    return error && colleagueErrorText(error.code);
  };
  const store = async (settings: ColleagueSettings): Promise<boolean> => {
    const result = await request('background', 'saveColleagueSettings', { settings });
    setErrors(result.ok ? [] : result.errors);
    return result.ok;
  };
  const save = async (event: TargetedEvent<HTMLFormElement>): Promise<void> => {
    event.preventDefault();
    const ok = await store(form);
    setStatus({ text: ok ? t('saved') : t('notSavedFixErrors'), ok });
  };
  const importFile = async (event: TargetedEvent<HTMLInputElement>): Promise<void> => {
    const file = event.currentTarget.files?.[0];
    event.currentTarget.value = '';
    if (!file) return;
    const parsed = importColleagueSettings(await file.text());
    if (!parsed.ok || !(await store(parsed.value))) {
      const reasons = parsed.ok ? t('notSavedFixErrors') : parsed.errors.slice(0, 3).map(describeColleagueSettingsError).join('; ');
      setStatus({ text: t('colleaguesImportFailed', reasons), ok: false });
      return;
    }
    setForm(parsed.value);
    setStatus({ text: t('colleaguesImported', String(parsed.value.colleagues.length)), ok: true });
  };
  const formErrors = errors.filter((e) => e.index === null && e.field === 'form');
  const pickupError = errors.find((e) => e.field === 'pickupCode');

  return (
    <section aria-labelledby="colleagues-heading" class="settings-section">
      <h2 id="colleagues-heading">{t('colleaguesHeading')}</h2>
      <p class="hint">{t('colleaguesIntro')}</p>
      <form onSubmit={(e) => void save(e)} noValidate>
        {locked.has('colleagues') && <PolicyNote id="colleagues-list-policy" />}
        <fieldset class="plain-fieldset" disabled={locked.has('colleagues')} aria-describedby={locked.has('colleagues') ? 'colleagues-list-policy' : undefined}>
          <legend class="visually-hidden">{t('colleaguesHeading')}</legend>
          {form.colleagues.map((colleague, index) => (
            <fieldset class="queue-fieldset" key={index}>
              <legend>{t('colleagueLegend', String(index + 1))}</legend>
              <Field
                id={`colleague-${index}-name`}
                label={t('colleagueFieldName')}
                error={errorAt('colleagues', index, 'name')}
                value={colleague.name}
                onInput={(name) => change({ ...form, colleagues: form.colleagues.map((c, i) => (i === index ? { ...c, name } : c)) })}
              />
              <Field
                id={`colleague-${index}-extension`}
                label={t('colleagueFieldExtension')}
                error={errorAt('colleagues', index, 'extension')}
                value={colleague.extension}
                onInput={(extension) => change({ ...form, colleagues: form.colleagues.map((c, i) => (i === index ? { ...c, extension } : c)) })}
              />
              <button type="button" onClick={() => change({ ...form, colleagues: form.colleagues.filter((_, i) => i !== index) })}>
                {t('removeColleague', colleague.name || String(index + 1))}
              </button>
            </fieldset>
          ))}
          <p>
            <button type="button" onClick={() => change({ ...form, colleagues: [...form.colleagues, { name: '', extension: '' }] })}>
              {t('addColleague')}
            </button>
          </p>
        </fieldset>
        {locked.has('quickCalls') && <PolicyNote id="quick-calls-policy" />}
        <fieldset class="plain-fieldset" disabled={locked.has('quickCalls')} aria-describedby={locked.has('quickCalls') ? 'quick-calls-policy' : undefined}>
          <legend class="visually-hidden">{t('quickCallsLabel')}</legend>
          {form.quickCalls.map((quickCall, index) => (
            <fieldset class="queue-fieldset" key={index}>
              <legend>{t('quickCallLegend', String(index + 1))}</legend>
              <Field
                id={`quick-call-${index}-name`}
                label={t('colleagueFieldName')}
                error={errorAt('quickCalls', index, 'name')}
                value={quickCall.name}
                onInput={(name) => change({ ...form, quickCalls: form.quickCalls.map((q, i) => (i === index ? { ...q, name } : q)) })}
              />
              <Field
                id={`quick-call-${index}-number`}
                label={t('quickCallFieldNumber')}
                error={errorAt('quickCalls', index, 'number')}
                value={quickCall.number}
                onInput={(number) => change({ ...form, quickCalls: form.quickCalls.map((q, i) => (i === index ? { ...q, number } : q)) })}
              />
              <button type="button" onClick={() => change({ ...form, quickCalls: form.quickCalls.filter((_, i) => i !== index) })}>
                {t('removeQuickCall', quickCall.name || String(index + 1))}
              </button>
            </fieldset>
          ))}
          <p>
            <button type="button" onClick={() => change({ ...form, quickCalls: [...form.quickCalls, { name: '', number: '' }] })}>
              {t('addQuickCall')}
            </button>
          </p>
        </fieldset>
        <Field
          id="colleague-pickup-code"
          label={t('pickupCodeLabel')}
          hint={t('pickupCodeHint')}
          error={pickupError && colleagueErrorText(pickupError.code)}
          value={form.pickupCode}
          onInput={(pickupCode) => change({ ...form, pickupCode })}
          locked={locked.has('pickupCode')}
        />
        {formErrors.length > 0 && (
          <p role="alert" class="error">
            {formErrors.map(describeColleagueSettingsError).join('; ')}
          </p>
        )}
        <div class="form-actions">
          <button type="submit" class="primary">
            {t('saveColleagues')}
          </button>
          <button type="button" onClick={() => downloadFile('voip-widget-colleagues.json', exportColleagueSettings(form))}>
            {t('exportColleagues')}
          </button>
          <label class="file-button">
            {t('importColleagues')}
            <input type="file" accept="application/json,.json" onChange={(e) => void importFile(e)} />
          </label>
        </div>
        <p role={status?.ok === false ? 'alert' : 'status'} class={status?.ok === false ? 'error' : 'save-status'}>
          {status?.text ?? ''}
        </p>
      </form>
    </section>
  );
}
