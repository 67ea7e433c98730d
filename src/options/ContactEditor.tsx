import { useState } from 'preact/hooks';
import { type Contact, NUMBER_LABELS, type NumberLabel } from '../contacts/contact';
import { t } from '../i18n';
import { numberLabelText, saveContactErrorText } from '../i18n/contactsText';
import { request } from '../protocol/client';
import type { EditedContact } from '../protocol/contacts';
import { Field } from './Field';

interface Props {
  /** The contact edited, or a draft for a new one (id null). */
  contact: EditedContact;
  onDone(saved: Contact['id'] | null): void;
}

/** A local contact's name, company and labelled numbers; nothing is stored until Save, and a refused save keeps the form. */
export function ContactEditor({ contact, onDone }: Props) {
  const [draft, setDraft] = useState(contact);
  const [error, setError] = useState<string | null>(null);
  const setNumber = (i: number, change: Partial<{ label: NumberLabel; value: string }>): void =>
    setDraft({ ...draft, numbers: draft.numbers.map((n, j) => (i === j ? { ...n, ...change } : n)) });

  const save = async (): Promise<void> => {
    const numbers = draft.numbers.filter((n) => n.value.trim() !== '');
    const result = await request('background', 'saveContact', { contact: { ...draft, numbers } });
    if (result.ok) onDone(result.id);
    else setError(saveContactErrorText(result.code));
  };

  return (
    <form
      class="contact-editor"
      aria-label={draft.id === null ? t('contactsNew') : t('contactsEdit', contact.name)}
      onSubmit={(e) => (e.preventDefault(), void save())}
    >
      <Field id="contact-name" label={t('contactsName')} value={draft.name} onInput={(name) => setDraft({ ...draft, name })} />
      <Field id="contact-company" label={t('contactsCompany')} value={draft.company} onInput={(company) => setDraft({ ...draft, company })} />
      {draft.numbers.map((n, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity but their place
        <div class="inline contact-number" key={i}>
          <select aria-label={t('contactsNumberLabel')} value={n.label} onChange={(e) => setNumber(i, { label: e.currentTarget.value as NumberLabel })}>
            {NUMBER_LABELS.map((label) => (
              <option key={label} value={label}>
                {numberLabelText(label)}
              </option>
            ))}
          </select>
          <input type="text" aria-label={t('contactsNumber')} value={n.value} onInput={(e) => setNumber(i, { value: e.currentTarget.value })} />
          <button type="button" onClick={() => setDraft({ ...draft, numbers: draft.numbers.filter((_, j) => j !== i) })}>
            {t('contactsRemoveNumber')}
          </button>
        </div>
      ))}
      <div class="inline">
        <button type="button" onClick={() => setDraft({ ...draft, numbers: [...draft.numbers, { label: 'work', value: '' }] })}>
          {t('contactsAddNumber')}
        </button>
        <button type="submit">{t('contactsSave')}</button>
        <button type="button" onClick={() => onDone(null)}>
          {t('contactsCancel')}
        </button>
      </div>
      {error && (
        <p role="alert" class="error">
          {error}
        </p>
      )}
    </form>
  );
}
