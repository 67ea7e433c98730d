import { useEffect, useState } from 'preact/hooks';
import type { TargetedEvent } from 'preact';
import { emptyAccount, formatIceServerLines, isUnencryptedWebSocket, parseIceServerLines, type AccountSettings, type FieldError } from '../settings';
import { request } from '../protocol/client';
import { loadAccountDraft } from '../storage/accountStore';
import { t, type MessageKey } from '../ui/i18n';
import { registrationText } from '../ui/registrationText';
import { useSnapshot } from '../ui/useSnapshot';

type FormValues = Omit<AccountSettings, 'iceServers'> & { iceServers: string };

function toForm(account: AccountSettings): FormValues {
  return { ...account, iceServers: formatIceServerLines(account.iceServers) };
}

interface FieldProps {
  name: keyof FormValues;
  label: MessageKey;
  hint?: MessageKey;
  /** Shown under the field while its value is allowed but risky. */
  warning?: MessageKey | null;
  type?: 'text' | 'password' | 'textarea';
  values: FormValues;
  errors: FieldError[];
  onChange(name: keyof FormValues, value: string): void;
}

function Field({ name, label, hint, warning, type = 'text', values, errors, onChange }: FieldProps) {
  const id = `account-${name}`;
  const error = errors.find((e) => e.field === name);
  const describedBy = [hint ? `${id}-hint` : '', warning ? `${id}-warning` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  const common = {
    id,
    name,
    'aria-invalid': error ? true : undefined,
    'aria-describedby': describedBy,
    value: String(values[name]),
    onInput: (event: TargetedEvent<HTMLInputElement | HTMLTextAreaElement>) => onChange(name, event.currentTarget.value),
  };
  return (
    <div class="field">
      <label for={id}>{t(label)}</label>
      {type === 'textarea' ? (
        <textarea rows={3} {...common} />
      ) : type === 'password' ? (
        <input type="password" autoComplete="current-password" {...common} />
      ) : (
        <input type="text" autoComplete="off" spellcheck={false} {...common} />
      )}
      {hint && <small id={`${id}-hint`} class="hint">{t(hint)}</small>}
      {warning && (
        <small id={`${id}-warning`} class="field-warning" role="note">
          {t(warning)}
        </small>
      )}
      {error && (
        <small id={`${id}-error`} class="field-error">
          {error.message}
        </small>
      )}
    </div>
  );
}

export function AccountSection() {
  const [values, setValues] = useState<FormValues | null>(null);
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [saved, setSaved] = useState(false);
  const snapshot = useSnapshot();

  useEffect(() => {
    void loadAccountDraft().then((stored) => setValues(toForm({ ...emptyAccount, ...((stored as Partial<AccountSettings> | null) ?? {}) })));
  }, []);
  if (values === null) return null;

  const change = (name: keyof FormValues, value: string | boolean): void => {
    setValues({ ...values, [name]: value });
    setSaved(false);
  };
  const save = async (event: TargetedEvent<HTMLFormElement>): Promise<void> => {
    event.preventDefault();
    const account = { ...values, iceServers: parseIceServerLines(values.iceServers) };
    const result = await request('background', 'saveAccount', { account });
    setErrors(result.ok ? [] : result.errors);
    setSaved(result.ok);
  };
  const fieldProps = { values, errors, onChange: change };
  const status = snapshot?.registration;

  return (
    <section aria-labelledby="account-heading" class="settings-section">
      <h2 id="account-heading">{t('accountHeading')}</h2>
      <p class="hint">{t('accountIntro')}</p>
      <form onSubmit={(e) => void save(e)} noValidate>
        <Field name="username" label="fieldUsername" hint="fieldUsernameHint" {...fieldProps} />
        <Field name="password" label="fieldPassword" type="password" {...fieldProps} />
        <Field name="domain" label="fieldDomain" hint="fieldDomainHint" {...fieldProps} />
        <Field
          name="websocketUrl"
          label="fieldWebsocketUrl"
          hint="fieldWebsocketUrlHint"
          warning={isUnencryptedWebSocket(values.websocketUrl) ? 'unencryptedWebSocketWarning' : null}
          {...fieldProps}
        />
        <Field name="displayName" label="fieldDisplayName" {...fieldProps} />
        <Field name="iceServers" label="fieldIceServers" hint="fieldIceServersHint" type="textarea" {...fieldProps} />
        <div class="field checkbox">
          <input id="account-enabled" type="checkbox" checked={values.enabled} onChange={(e) => change('enabled', e.currentTarget.checked)} />
          <label for="account-enabled">{t('fieldEnabled')}</label>
        </div>
        {errors.some((e) => e.field === 'form') && <p role="alert" class="error">{errors.find((e) => e.field === 'form')?.message}</p>}
        <div class="form-actions">
          <button type="submit" class="primary">{t('save')}</button>
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
