import { useEffect, useState } from 'preact/hooks';
import type { TargetedEvent } from 'preact';
import browser from 'webextension-polyfill';
import { request } from '../protocol/client';
import {
  emptyQueue,
  exportQueueSettings,
  importQueueSettings,
  storedQueueSettings,
  type QueueDefinition,
  type QueueErrorCode,
  type QueueField,
  type QueueSettings,
  type QueueSettingsError,
} from '../queues';
import { t, type MessageKey } from '../ui/i18n';
import { describeImport } from '../settings/configurationFile';
import { ImportPreview } from './ImportPreview';

const KEY = 'queueSettings';

const errorText: Record<QueueErrorCode, MessageKey> = {
  required: 'queueErrorRequired',
  too_long: 'queueErrorTooLong',
  not_dialable: 'queueErrorNotDialable',
  bad_agent: 'queueErrorBadAgent',
  duplicate_name: 'queueErrorDuplicateName',
  duplicate_number: 'queueErrorDuplicateNumber',
  same_codes: 'queueErrorSameCodes',
  bad_time: 'queueErrorBadTime',
  too_many: 'queueErrorTooMany',
  not_json: 'queueErrorNotJson',
  malformed: 'queueErrorMalformed',
};

const fieldLabel: Record<QueueField, MessageKey> = {
  name: 'queueFieldName',
  extension: 'queueFieldExtension',
  loginCode: 'queueFieldLoginCode',
  logoutCode: 'queueFieldLogoutCode',
  agent: 'queueFieldAgent',
  callerNamePrefix: 'queueFieldPrefix',
};

/** One problem in one sentence, e.g. "queue 2, Agent connection code: use digits, * and # only". */
function describeError(error: QueueSettingsError): string {
  const reason = t(errorText[error.code]);
  if (error.queue === null || error.field === 'form' || error.field === 'reminder') return reason;
  return t('queueErrorAt', [String(error.queue + 1), t(fieldLabel[error.field]), reason]);
}

interface QueueFieldsetProps {
  index: number;
  queue: QueueDefinition;
  errors: QueueSettingsError[];
  onChange(queue: QueueDefinition): void;
  onRemove(): void;
}

function QueueFieldset({ index, queue, errors, onChange, onRemove }: QueueFieldsetProps) {
  const input = (field: Exclude<QueueField, 'agent'>, hint?: MessageKey) => {
    const id = `queue-${index}-${field}`;
    const error = errors.find((e) => e.queue === index && e.field === field);
    const describedBy = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
    return (
      <div class="field">
        <label for={id}>{t(fieldLabel[field])}</label>
        <input
          id={id}
          type="text"
          autoComplete="off"
          spellcheck={false}
          value={queue[field]}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy}
          onInput={(event: TargetedEvent<HTMLInputElement>) => onChange({ ...queue, [field]: event.currentTarget.value })}
        />
        {hint && <small id={`${id}-hint`} class="hint">{t(hint)}</small>}
        {error && (
          <small id={`${id}-error`} class="field-error">
            {t(errorText[error.code])}
          </small>
        )}
      </div>
    );
  };
  const rowError = errors.find((e) => e.queue === index && (e.field === 'form' || e.field === 'agent'));
  return (
    <fieldset class="queue-fieldset">
      <legend>{t('queueLegend', String(index + 1))}</legend>
      {input('name')}
      {input('extension')}
      {input('loginCode')}
      {input('logoutCode')}
      <div class="field">
        <label for={`queue-${index}-agent`}>{t('queueFieldAgent')}</label>
        <select id={`queue-${index}-agent`} value={queue.agent} onChange={(e) => onChange({ ...queue, agent: e.currentTarget.value === 'static' ? 'static' : 'dynamic' })}>
          <option value="dynamic">{t('queueAgentDynamic')}</option>
          <option value="static">{t('queueAgentStatic')}</option>
        </select>
      </div>
      {input('callerNamePrefix', 'queueFieldPrefixHint')}
      {rowError && <p class="field-error">{t(errorText[rowError.code])}</p>}
      <button type="button" onClick={onRemove}>
        {t('removeQueue', queue.name || String(index + 1))}
      </button>
    </fieldset>
  );
}

/** Call queue settings: edited by hand or imported from a file the administrator prepared. */
export function QueuesSection() {
  const [form, setForm] = useState<QueueSettings | null>(null);
  const [saved, setSaved] = useState<QueueSettings | null>(null);
  const [errors, setErrors] = useState<QueueSettingsError[]>([]);
  const [status, setStatus] = useState<{ text: string; ok: boolean } | null>(null);
  /** An imported file, checked, waiting for the agent to apply it after seeing what it changes. */
  const [pending, setPending] = useState<QueueSettings | null>(null);

  useEffect(() => {
    void browser.storage.local.get(KEY).then((stored) => {
      const settings = storedQueueSettings(stored[KEY]);
      setForm(settings);
      setSaved(settings);
    });
  }, []);
  if (form === null || saved === null) return null;

  const change = (next: QueueSettings): void => {
    setForm(next);
    setStatus(null);
  };
  const setQueue = (index: number, queue: QueueDefinition): void => change({ ...form, queues: form.queues.map((q, i) => (i === index ? queue : q)) });
  const store = async (settings: QueueSettings): Promise<boolean> => {
    const result = await request('background', 'saveQueueSettings', { settings });
    setErrors(result.ok ? [] : result.errors);
    if (result.ok) setSaved(settings);
    return result.ok;
  };
  const save = async (event: TargetedEvent<HTMLFormElement>): Promise<void> => {
    event.preventDefault();
    const ok = await store(form);
    setStatus({ text: ok ? t('saved') : t('notSavedFixErrors'), ok });
  };
  const exportFile = (): void => {
    const url = URL.createObjectURL(new Blob([exportQueueSettings(saved)], { type: 'application/json' }));
    const link = Object.assign(document.createElement('a'), { href: url, download: 'voip-widget-queues.json' });
    link.click();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  };
  const importFile = async (event: TargetedEvent<HTMLInputElement>): Promise<void> => {
    const file = event.currentTarget.files?.[0];
    event.currentTarget.value = '';
    if (!file) return;
    setPending(null);
    const parsed = importQueueSettings(await file.text(), saved);
    if (!parsed.ok) {
      setStatus({ text: t('queuesImportFailed', parsed.errors.slice(0, 3).map(describeError).join('; ')), ok: false });
      return;
    }
    setStatus(null);
    setPending(parsed.value);
  };
  const applyImport = async (imported: QueueSettings): Promise<void> => {
    setPending(null);
    if (await store(imported)) {
      setForm(imported);
      setStatus({ text: t('queuesImported', String(imported.queues.length)), ok: true });
    } else setStatus({ text: t('queuesImportFailed', t('notSavedFixErrors')), ok: false });
  };
  const formErrors = errors.filter((e) => e.queue === null);

  return (
    <section aria-labelledby="queues-heading" class="settings-section">
      <h2 id="queues-heading">{t('queuesHeading')}</h2>
      <p class="hint">{t('queuesIntro')}</p>
      <form onSubmit={(e) => void save(e)} noValidate>
        {form.queues.map((queue, index) => (
          <QueueFieldset
            key={index}
            index={index}
            queue={queue}
            errors={errors}
            onChange={(next) => setQueue(index, next)}
            onRemove={() => change({ ...form, queues: form.queues.filter((_, i) => i !== index) })}
          />
        ))}
        <p>
          <button type="button" onClick={() => change({ ...form, queues: [...form.queues, emptyQueue] })}>
            {t('addQueue')}
          </button>
        </p>
        <div class="field checkbox">
          <input id="queue-reminder-enabled" type="checkbox" checked={form.reminder.enabled} onChange={(e) => change({ ...form, reminder: { ...form.reminder, enabled: e.currentTarget.checked } })} />
          <label for="queue-reminder-enabled">{t('queueReminderEnabled')}</label>
        </div>
        <div class="field">
          <label for="queue-reminder-time">{t('queueReminderTime')}</label>
          <input
            id="queue-reminder-time"
            type="time"
            value={form.reminder.time}
            aria-invalid={errors.some((e) => e.field === 'reminder') ? true : undefined}
            onInput={(e) => change({ ...form, reminder: { ...form.reminder, time: e.currentTarget.value } })}
          />
        </div>
        {formErrors.length > 0 && (
          <p role="alert" class="error">
            {formErrors.map(describeError).join('; ')}
          </p>
        )}
        <div class="form-actions">
          <button type="submit" class="primary">
            {t('saveQueues')}
          </button>
          <button type="button" onClick={exportFile}>
            {t('exportQueues')}
          </button>
          <label class="file-button">
            {t('importQueues')}
            <input type="file" accept="application/json,.json" onChange={(e) => void importFile(e)} />
          </label>
        </div>
        {pending && (
          <ImportPreview
            changes={describeImport({ callerId: null, account: null, queues: saved }, { queues: pending })}
            warnings={[]}
            onApply={() => void applyImport(pending)}
            onCancel={() => (setPending(null), setStatus({ text: t('importCancelled'), ok: true }))}
          />
        )}
        <p role={status?.ok === false ? 'alert' : 'status'} class={status?.ok === false ? 'error' : 'save-status'}>
          {status?.text ?? ''}
        </p>
      </form>
    </section>
  );
}
