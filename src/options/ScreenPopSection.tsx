import { useState } from 'preact/hooks';
import { checkRecordTemplate } from '../contacts/recordTemplate';
import type { ScreenPopMode, ScreenPopSettings } from '../contacts/screenPop';
import { t } from '../i18n';
import { recordTemplateProblemText, screenPopErrorText } from '../i18n/screenPopText';
import { request } from '../protocol/client';
import { storageKeys } from '../storage/keys';
import { policyLocks } from '../ui/PolicyNote';
import { useWithPolicy } from '../ui/usePolicy';
import { Field } from './Field';

/**
 * When the caller's record opens by itself, and where: the CRM lookup's own URL, else the record
 * URL template (a CardDAV address book may have its own), also for unknown callers if ticked.
 */
export function ScreenPopSection() {
  const { value: settings, locked } = useWithPolicy('screenPopSettings', storageKeys.screenPopSettings);
  const [draft, setDraft] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<{ ok: boolean; text: string } | null>(null);
  const template = draft ?? settings.recordUrlTemplate;

  const save = async (change: Partial<ScreenPopSettings>): Promise<boolean> => {
    const result = await request('background', 'saveScreenPopSettings', change);
    if (!result.ok) setOutcome({ ok: false, text: result.errors.map(screenPopErrorText).join('; ') });
    return result.ok;
  };
  const saveTemplate = async (): Promise<void> => {
    const trimmed = template.trim();
    const checked = trimmed === '' ? null : checkRecordTemplate(trimmed);
    if (checked && !checked.ok) return setOutcome({ ok: false, text: recordTemplateProblemText(checked.problem) });
    if (await save({ recordUrlTemplate: trimmed })) {
      setDraft(null);
      setOutcome({ ok: true, text: t('recordTemplateSaved') });
    }
  };
  const { lock, note } = policyLocks<keyof ScreenPopSettings>(locked);

  return (
    <section aria-labelledby="screen-pop-heading" class="settings-section">
      <h2 id="screen-pop-heading">{t('screenPopHeading')}</h2>
      <div class="field">
        <label for="screen-pop">{t('screenPop')}</label>
        <select
          id="screen-pop"
          value={settings.mode}
          {...lock('mode', 'screen-pop')}
          onChange={(e) => void save({ mode: e.currentTarget.value as ScreenPopMode })}
        >
          <option value="off">{t('screenPopOff')}</option>
          <option value="answer">{t('screenPopAnswer')}</option>
          <option value="ring">{t('screenPopRing')}</option>
        </select>
        {note('mode', 'screen-pop')}
      </div>
      <Field
        id="record-template"
        label={t('recordTemplate')}
        hint={t('recordTemplateHint')}
        value={template}
        locked={locked.has('recordUrlTemplate')}
        onInput={setDraft}
      />
      {!locked.has('recordUrlTemplate') && (
        <button type="button" onClick={() => void saveTemplate()}>
          {t('recordTemplateSave')}
        </button>
      )}
      <div class="field checkbox">
        <input
          id="screen-pop-unknown"
          type="checkbox"
          checked={settings.unknownCallers}
          {...lock('unknownCallers', 'screen-pop-unknown')}
          onChange={(e) => void save({ unknownCallers: e.currentTarget.checked })}
        />
        <label for="screen-pop-unknown">{t('screenPopUnknownCallers')}</label>
        {note('unknownCallers', 'screen-pop-unknown')}
      </div>
      {outcome && (
        <p role={outcome.ok ? 'status' : 'alert'} class={outcome.ok ? 'import-ok' : 'error'}>
          {outcome.text}
        </p>
      )}
    </section>
  );
}
