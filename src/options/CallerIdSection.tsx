import { getCountries } from 'libphonenumber-js/min';
import { useEffect, useMemo, useState } from 'preact/hooks';
import { type CallerIdConfig, validateCallerIdConfig } from '../callerid';
import { t } from '../i18n';
import { callerIdIssueText } from '../i18n/settingsText';
import { request } from '../protocol/client';
import { storageKeys } from '../storage/keys';
import { Icon } from '../ui/icons';
import { PolicyNote, policyNoteId } from '../ui/PolicyNote';
import { useWithPolicy } from '../ui/usePolicy';
import { Field } from './Field';

const EMPTY: CallerIdConfig = {
  defaultOutgoingNumber: '',
  incomingNumbers: [],
  userOutgoingNumber: 'default',
  advancedRules: [],
  applyRulesToAllUsers: false,
  homeCountry: 'BE',
};

function countryOptions(): { code: string; name: string }[] {
  const names = new Intl.DisplayNames([navigator.language, 'en'], { type: 'region' });
  return getCountries()
    .map((code) => ({ code, name: names.of(code) ?? code }))
    .sort((a, b) => a.name.localeCompare(b.name));
}

function move<T>(list: T[], from: number, to: number): T[] {
  if (to < 0 || to >= list.length || from === to) return list;
  const next = [...list];
  const [item] = next.splice(from, 1);
  next.splice(to, 0, item!);
  return next;
}

/** The company's and this user's caller ID settings, as the administrator set them in the PBX console. */
export function CallerIdSection() {
  // The agent's own settings with the policy's over them; the policy's stay shown as it sets them.
  const { value: stored, locked } = useWithPolicy('callerId', storageKeys.callerId);
  const [draft, setConfig] = useState<CallerIdConfig>(EMPTY);
  const config = useMemo<CallerIdConfig>(() => {
    const set = Object.fromEntries(Object.entries(stored ?? {}).filter(([field]) => locked.has(field)));
    return { ...draft, ...set };
  }, [draft, stored, locked]);
  const lock = (field: keyof CallerIdConfig, id: string) => ({ 'aria-describedby': policyNoteId(id, locked.has(field)) });
  const [dirty, setDirty] = useState(false);
  const [saved, setSaved] = useState<'saved' | 'refused' | null>(null);
  const [dragged, setDragged] = useState<number | null>(null);
  const countries = useMemo(countryOptions, []);
  useEffect(() => {
    if (stored && !dirty) setConfig({ ...EMPTY, ...stored });
  }, [stored]);

  const report = useMemo(() => validateCallerIdConfig(config), [config]);
  // An untouched, never configured section is not an error yet.
  const shown = dirty || stored !== null || saved !== null ? report : { errors: [], warnings: [] };
  const change = (patch: Partial<CallerIdConfig>): void => {
    setConfig({ ...config, ...patch });
    setDirty(true);
    setSaved(null);
  };
  const setIncoming = (index: number, value: string): void => change({ incomingNumbers: config.incomingNumbers.map((n, i) => (i === index ? value : n)) });
  const setRule = (index: number, patch: Partial<CallerIdConfig['advancedRules'][number]>): void =>
    change({ advancedRules: config.advancedRules.map((r, i) => (i === index ? { ...r, ...patch } : r)) });
  const save = async (): Promise<void> => {
    if (report.errors.length > 0) return setSaved('refused');
    const result = await request('background', 'saveCallerIdConfig', { config });
    setSaved(result.ok ? 'saved' : 'refused');
    if (result.ok) setDirty(false);
  };

  return (
    <section aria-labelledby="callerid-heading" class="settings-section">
      <h2 id="callerid-heading">{t('callerIdHeading')}</h2>
      <p class="hint">{t('callerIdIntro')}</p>
      <div class="field">
        <label for="callerid-country">{t('callerIdHomeCountry')}</label>
        <select
          id="callerid-country"
          value={config.homeCountry}
          disabled={locked.has('homeCountry')}
          {...lock('homeCountry', 'callerid-country')}
          onChange={(e) => change({ homeCountry: e.currentTarget.value })}
        >
          {countries.map((c) => (
            <option key={c.code} value={c.code}>
              {c.name}
            </option>
          ))}
        </select>
        {locked.has('homeCountry') && <PolicyNote id="callerid-country-policy" />}
      </div>
      <Field
        id="callerid-default"
        label={t('callerIdDefaultNumber')}
        inputMode="tel"
        locked={locked.has('defaultOutgoingNumber')}
        value={config.defaultOutgoingNumber}
        onInput={(defaultOutgoingNumber) => change({ defaultOutgoingNumber })}
      />
      <fieldset class="field" disabled={locked.has('incomingNumbers')} {...lock('incomingNumbers', 'callerid-incoming')}>
        <legend>{t('callerIdIncomingNumbers')}</legend>
        {locked.has('incomingNumbers') && <PolicyNote id="callerid-incoming-policy" />}
        {config.incomingNumbers.map((number, i) => (
          <div class="inline" key={i}>
            <input
              type="text"
              inputMode="tel"
              aria-label={t('callerIdIncomingNumber', String(i + 1))}
              value={number}
              onInput={(e) => setIncoming(i, e.currentTarget.value)}
            />
            <button
              type="button"
              aria-label={t('callerIdRemoveIncoming', String(i + 1))}
              onClick={() => change({ incomingNumbers: config.incomingNumbers.filter((_, j) => j !== i) })}
            >
              <Icon name="close" />
            </button>
          </div>
        ))}
        <button type="button" onClick={() => change({ incomingNumbers: [...config.incomingNumbers, ''] })}>
          {t('callerIdAddIncoming')}
        </button>
      </fieldset>
      <div class="field">
        <label for="callerid-user">{t('callerIdUserNumber')}</label>
        <select
          id="callerid-user"
          value={config.userOutgoingNumber}
          disabled={locked.has('userOutgoingNumber')}
          {...lock('userOutgoingNumber', 'callerid-user')}
          onChange={(e) => change({ userOutgoingNumber: e.currentTarget.value })}
        >
          <option value="default">{t('callerIdDefaultChoice')}</option>
          {config.incomingNumbers.filter(Boolean).map((n) => (
            <option key={n} value={n}>
              {n}
            </option>
          ))}
        </select>
        {locked.has('userOutgoingNumber') && <PolicyNote id="callerid-user-policy" />}
      </div>
      <fieldset class="field" disabled={locked.has('advancedRules')} {...lock('advancedRules', 'callerid-rules')}>
        <legend>{t('callerIdRules')}</legend>
        {locked.has('advancedRules') && <PolicyNote id="callerid-rules-policy" />}
        <p class="hint">{t('callerIdRulesHint')}</p>
        <ol class="rules">
          {config.advancedRules.map((rule, i) => (
            <li
              key={i}
              draggable={!locked.has('advancedRules')}
              class={dragged === i ? 'dragging' : ''}
              onDragStart={() => setDragged(i)}
              onDragOver={(e) => e.preventDefault()}
              onDrop={() => {
                if (dragged !== null) change({ advancedRules: move(config.advancedRules, dragged, i) });
                setDragged(null);
              }}
            >
              <input
                type="text"
                inputMode="tel"
                aria-label={t('callerIdRulePrefix', String(i + 1))}
                placeholder="0044"
                value={rule.prefix}
                onInput={(e) => setRule(i, { prefix: e.currentTarget.value })}
              />
              <select aria-label={t('callerIdRuleNumber', String(i + 1))} value={rule.number} onChange={(e) => setRule(i, { number: e.currentTarget.value })}>
                <option value="">{t('callerIdChooseNumber')}</option>
                {config.incomingNumbers.filter(Boolean).map((n) => (
                  <option key={n} value={n}>
                    {n}
                  </option>
                ))}
              </select>
              <button
                type="button"
                aria-label={t('callerIdMoveUp', String(i + 1))}
                disabled={i === 0}
                onClick={() => change({ advancedRules: move(config.advancedRules, i, i - 1) })}
              >
                <Icon name="arrowUp" />
              </button>
              <button
                type="button"
                aria-label={t('callerIdMoveDown', String(i + 1))}
                disabled={i === config.advancedRules.length - 1}
                onClick={() => change({ advancedRules: move(config.advancedRules, i, i + 1) })}
              >
                <Icon name="arrowDown" />
              </button>
              <button
                type="button"
                aria-label={t('callerIdRemoveRule', String(i + 1))}
                onClick={() => change({ advancedRules: config.advancedRules.filter((_, j) => j !== i) })}
              >
                <Icon name="close" />
              </button>
            </li>
          ))}
        </ol>
        <button type="button" onClick={() => change({ advancedRules: [...config.advancedRules, { prefix: '', number: config.incomingNumbers[0] ?? '' }] })}>
          {t('callerIdAddRule')}
        </button>
      </fieldset>
      <div class="field checkbox">
        <input
          id="callerid-all-users"
          type="checkbox"
          checked={config.applyRulesToAllUsers}
          disabled={locked.has('applyRulesToAllUsers')}
          {...lock('applyRulesToAllUsers', 'callerid-all-users')}
          onChange={(e) => change({ applyRulesToAllUsers: e.currentTarget.checked })}
        />
        <label for="callerid-all-users">{t('callerIdApplyToAll')}</label>
        {locked.has('applyRulesToAllUsers') && <PolicyNote id="callerid-all-users-policy" />}
      </div>
      {shown.errors.length > 0 && (
        <div role="alert" aria-label={t('callerIdErrors')}>
          <ul class="error">
            {shown.errors.map(callerIdIssueText).map((e) => (
              <li key={e}>{e}</li>
            ))}
          </ul>
        </div>
      )}
      {shown.warnings.length > 0 && (
        <ul class="warnings" aria-label={t('callerIdWarnings')}>
          {shown.warnings.map(callerIdIssueText).map((w) => (
            <li key={w}>{w}</li>
          ))}
        </ul>
      )}
      <div class="form-actions">
        <button type="button" class="primary" onClick={() => void save()}>
          {t('callerIdSave')}
        </button>
        <span role="status" class="save-status">
          {saved === 'saved' ? t('saved') : saved === 'refused' ? t('notSavedFixErrors') : ''}
        </span>
      </div>
    </section>
  );
}
