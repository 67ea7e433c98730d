import type { TargetedEvent } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { type MessageKey, t } from '../i18n';
import { registrationText } from '../i18n/registrationText';
import { accountErrorText } from '../i18n/settingsText';
import { request } from '../protocol/client';
import { type AccountSettings, emptyAccount, type FieldError, formatIceServerLines, isUnencryptedWebSocket, parseIceServerLines } from '../settings';
import { loadAccountDraft } from '../storage/accountStore';
import { usePolicy } from '../ui/usePolicy';
import { useSnapshot } from '../ui/useSnapshot';
import { Field } from './Field';

type FormValues = Omit<AccountSettings, 'iceServers'> & { iceServers: string };

function toForm(account: AccountSettings): FormValues {
  return { ...account, iceServers: formatIceServerLines(account.iceServers) };
}

function errorOf(errors: FieldError[], field: FieldError['field']): string | undefined {
  const error = errors.find((e) => e.field === field);
  return error && accountErrorText(error.code);
}

interface AccountFieldProps {
  name: keyof FormValues;
  label: MessageKey;
  hint?: MessageKey;
  /** Shown under the field while its value is allowed but risky. */
  warning?: MessageKey | null;
  type?: 'text' | 'password' | 'textarea';
  values: FormValues;
  errors: FieldError[];
  locked: ReadonlySet<string>;
  onChange(name: keyof FormValues, value: string): void;
}

function AccountField({ name, label, hint, warning, type, values, errors, locked, onChange }: AccountFieldProps) {
  return (
    <Field
      id={`account-${name}`}
      name={name}
      label={t(label)}
      hint={hint && t(hint)}
      warning={warning ? t(warning) : undefined}
      error={errorOf(errors, name)}
      type={type}
      locked={locked.has(name)}
      value={String(values[name])}
      onInput={(value) => onChange(name, value)}
    />
  );
}

export function AccountSection() {
  const [values, setValues] = useState<FormValues | null>(null);
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [saved, setSaved] = useState(false);
  const snapshot = useSnapshot();
  const policy = usePolicy();
  const locked = new Set(Object.keys(policy.applied.account ?? {}));

  useEffect(() => {
    void loadAccountDraft().then((stored) => setValues(toForm({ ...emptyAccount, ...((stored as Partial<AccountSettings> | null) ?? {}) })));
  }, []);
  if (values === null) return null;
  // The policy's values as it sets them now, also when it changed while the page was open.
  const applied = (policy.applied.account ?? {}) as Partial<AccountSettings>;
  const shown: FormValues = { ...values, ...applied, iceServers: applied.iceServers ? formatIceServerLines(applied.iceServers) : values.iceServers };

  const change = (name: keyof FormValues, value: string | boolean): void => {
    setValues({ ...values, [name]: value });
    setSaved(false);
  };
  const save = async (event: TargetedEvent<HTMLFormElement>): Promise<void> => {
    event.preventDefault();
    const account = { ...shown, iceServers: parseIceServerLines(shown.iceServers) };
    const result = await request('background', 'saveAccount', { account });
    setErrors(result.ok ? [] : result.errors);
    setSaved(result.ok);
  };
  const fieldProps = { values: shown, errors, locked, onChange: change };
  const status = snapshot?.registration;

  return (
    <section aria-labelledby="account-heading" class="settings-section">
      <h2 id="account-heading">{t('accountHeading')}</h2>
      <p class="hint">{t('accountIntro')}</p>
      <form onSubmit={(e) => void save(e)} noValidate>
        <AccountField name="username" label="fieldUsername" hint="fieldUsernameHint" {...fieldProps} />
        <AccountField name="password" label="fieldPassword" type="password" {...fieldProps} />
        <AccountField name="domain" label="fieldDomain" hint="fieldDomainHint" {...fieldProps} />
        <AccountField
          name="websocketUrl"
          label="fieldWebsocketUrl"
          hint="fieldWebsocketUrlHint"
          warning={isUnencryptedWebSocket(values.websocketUrl) ? 'unencryptedWebSocketWarning' : null}
          {...fieldProps}
        />
        <AccountField name="displayName" label="fieldDisplayName" {...fieldProps} />
        <AccountField name="iceServers" label="fieldIceServers" hint="fieldIceServersHint" type="textarea" {...fieldProps} />
        <div class="field checkbox">
          <input id="account-enabled" type="checkbox" checked={values.enabled} onChange={(e) => change('enabled', e.currentTarget.checked)} />
          <label for="account-enabled">{t('fieldEnabled')}</label>
        </div>
        {errors.some((e) => e.field === 'form') && (
          <p role="alert" class="error">
            {errorOf(errors, 'form')}
          </p>
        )}
        <div class="form-actions">
          <button type="submit" class="primary">
            {t('save')}
          </button>
          <span role="status" class="save-status">
            {errors.length > 0 ? t('notSavedFixErrors') : saved ? t('saved') : ''}
          </span>
        </div>
      </form>
      {status && (
        <p class="registration-status" role="status" aria-label={t('statusLabel')}>
          {t('registrationStatus', registrationText(status))}
        </p>
      )}
    </section>
  );
}
