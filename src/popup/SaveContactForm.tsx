import { useState } from 'preact/hooks';
import { NUMBER_LABELS, type NumberLabel } from '../contacts/contact';
import { t } from '../i18n';
import { numberLabelText, saveContactErrorText } from '../i18n/contactsText';
import { request } from '../protocol/client';

/** A new local contact for a number the agent has (a recent call, the current call): the name the caller sent is only a suggestion. */
export function SaveContactForm({ number, suggestedName, onDone }: { number: string; suggestedName: string | null; onDone(): void }) {
  const [name, setName] = useState(suggestedName ?? '');
  const [company, setCompany] = useState('');
  const [label, setLabel] = useState<NumberLabel>('work');
  const [error, setError] = useState<string | null>(null);
  const save = async (): Promise<void> => {
    const result = await request('background', 'saveContact', { contact: { id: null, name, company, numbers: [{ label, value: number }] } }).catch(() => null);
    if (result?.ok) onDone();
    else setError(result ? saveContactErrorText(result.code) : t('contactsErrorStorage'));
  };
  return (
    <form class="save-contact" aria-label={t('saveAsContactLabel', number)} onSubmit={(e) => (e.preventDefault(), void save())}>
      <input
        type="text"
        aria-label={t('contactsName')}
        placeholder={t('contactsName')}
        value={name}
        onInput={(e) => setName(e.currentTarget.value)}
        autoFocus
      />
      <input
        type="text"
        aria-label={t('contactsCompany')}
        placeholder={t('contactsCompany')}
        value={company}
        onInput={(e) => setCompany(e.currentTarget.value)}
      />
      <select aria-label={t('contactsNumberLabel')} value={label} onChange={(e) => setLabel(e.currentTarget.value as NumberLabel)}>
        {NUMBER_LABELS.map((l) => (
          <option key={l} value={l}>
            {numberLabelText(l)}
          </option>
        ))}
      </select>
      <button type="submit">{t('contactsSave')}</button>
      <button type="button" onClick={onDone}>
        {t('contactsCancel')}
      </button>
      {error && (
        <p role="alert" class="error">
          {error}
        </p>
      )}
    </form>
  );
}
