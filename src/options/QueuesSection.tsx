import type { TargetedEvent } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { type MessageKey, t } from '../i18n';
import { describeQueueSettingsError, queueErrorText, queueFieldLabel } from '../i18n/queueText';
import { lockedFields, withPolicy } from '../policy/state';
import { request } from '../protocol/client';
import {
  emptyQueue,
  exportQueueSettings,
  importQueueSettings,
  type QueueDefinition,
  type QueueField,
  type QueueSettings,
  type QueueSettingsError,
} from '../queues';
import { describeImport } from '../settings/configurationFile';
import { storageKeys } from '../storage/keys';
import { read } from '../storage/read';
import { downloadFile } from '../ui/download';
import { PolicyNote, policyNoteId } from '../ui/PolicyNote';
import { usePolicy } from '../ui/usePolicy';
import { Field } from './Field';
import { ImportPreview } from './ImportPreview';

interface QueueFieldsetProps {
  index: number;
  queue: QueueDefinition;
  errors: QueueSettingsError[];
  onChange(queue: QueueDefinition): void;
  onRemove(): void;
}

function QueueFieldset({ index, queue, errors, onChange, onRemove }: QueueFieldsetProps) {
  const input = (field: Exclude<QueueField, 'agent'>, hint?: MessageKey) => {
    const error = errors.find((e) => e.queue === index && e.field === field);
    return (
      <Field
        id={`queue-${index}-${field}`}
        label={queueFieldLabel(field)}
        hint={hint && t(hint)}
        error={error && queueErrorText(error.code)}
        value={queue[field]}
        onInput={(value) => onChange({ ...queue, [field]: value })}
      />
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
        <label for={`queue-${index}-agent`}>{queueFieldLabel('agent')}</label>
        <select
          id={`queue-${index}-agent`}
          value={queue.agent}
          onChange={(e) => onChange({ ...queue, agent: e.currentTarget.value === 'static' ? 'static' : 'dynamic' })}
        >
          <option value="dynamic">{t('queueAgentDynamic')}</option>
          <option value="static">{t('queueAgentStatic')}</option>
        </select>
      </div>
      {input('callerNamePrefix', 'queueFieldPrefixHint')}
      {rowError && <p class="field-error">{queueErrorText(rowError.code)}</p>}
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
  const policy = usePolicy();
  const locked = lockedFields(policy, 'queueSettings');

  useEffect(() => {
    void read(storageKeys.queueSettings).then((settings) => {
      setForm(settings);
      setSaved(settings);
    });
  }, []);
  if (form === null || saved === null) return null;
  // The policy's queues or reminder as it sets them now, whatever the form held.
  const shown = withPolicy('queueSettings', form, policy);
  const queuesLocked = locked.has('queues');
  const reminderLocked = locked.has('reminder');

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
    const ok = await store(shown);
    setStatus({ text: ok ? t('saved') : t('notSavedFixErrors'), ok });
  };
  const exportFile = (): void => downloadFile('voip-widget-queues.json', exportQueueSettings(saved));
  const importFile = async (event: TargetedEvent<HTMLInputElement>): Promise<void> => {
    const file = event.currentTarget.files?.[0];
    event.currentTarget.value = '';
    if (!file) return;
    setPending(null);
    const parsed = importQueueSettings(await file.text(), saved);
    if (!parsed.ok) {
      setStatus({ text: t('queuesImportFailed', parsed.errors.slice(0, 3).map(describeQueueSettingsError).join('; ')), ok: false });
      return;
    }
    setStatus(null);
    // The queues or reminder the policy sets stay the policy's: the preview shows what would change.
    setPending(withPolicy('queueSettings', parsed.value, policy));
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
        <fieldset class="plain" disabled={queuesLocked} aria-label={t('queuesListLabel')} aria-describedby={policyNoteId('queues-list', queuesLocked)}>
          {queuesLocked && <PolicyNote id="queues-list-policy" />}
          {shown.queues.map((queue, index) => (
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
        </fieldset>
        <div class="field checkbox">
          <input
            id="queue-reminder-enabled"
            type="checkbox"
            checked={shown.reminder.enabled}
            disabled={reminderLocked}
            aria-describedby={policyNoteId('queue-reminder', reminderLocked)}
            onChange={(e) => change({ ...form, reminder: { ...form.reminder, enabled: e.currentTarget.checked } })}
          />
          <label for="queue-reminder-enabled">{t('queueReminderEnabled')}</label>
        </div>
        <div class="field">
          <label for="queue-reminder-time">{t('queueReminderTime')}</label>
          <input
            id="queue-reminder-time"
            type="time"
            value={shown.reminder.time}
            readOnly={reminderLocked}
            aria-describedby={policyNoteId('queue-reminder', reminderLocked)}
            aria-invalid={errors.some((e) => e.field === 'reminder') ? true : undefined}
            onInput={(e) => change({ ...form, reminder: { ...form.reminder, time: e.currentTarget.value } })}
          />
          {reminderLocked && <PolicyNote id="queue-reminder-policy" />}
        </div>
        {formErrors.length > 0 && (
          <p role="alert" class="error">
            {formErrors.map(describeQueueSettingsError).join('; ')}
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
            changes={describeImport({ callerId: null, account: null, queues: withPolicy('queueSettings', saved, policy) }, { queues: pending })}
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
