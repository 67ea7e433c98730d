import { useState } from 'preact/hooks';
import { callBackNeedsConfirmation } from '../calls/recentCalls';
import { t } from '../i18n';
import { numberLabelText } from '../i18n/contactsText';
import { Icon } from '../ui/icons';
import { useContactSearch } from '../ui/useContacts';
import { ContactList } from './ContactList';

/** Search as you type by name, company or digits; a number's button calls it (a feature code only once confirmed). */
export function ContactsTab({ onCall, disabled }: { onCall(number: string): void; disabled: boolean }) {
  const [query, setQuery] = useState('');
  const [askingFor, setAskingFor] = useState<string | null>(null);
  const result = useContactSearch(query);
  return (
    <div class="contacts">
      <input
        type="search"
        class="contact-search"
        aria-label={t('contactsSearch')}
        placeholder={t('contactsSearch')}
        value={query}
        onInput={(e) => setQuery(e.currentTarget.value)}
        autoFocus
      />
      <ContactList
        result={result}
        actions={(contact, number) => {
          const id = `${contact.sourceId}:${contact.id}:${number.value}`;
          return (
            <>
              <button
                type="button"
                class="icon-button"
                disabled={disabled}
                aria-label={t('contactsCallNumber', [contact.name, numberLabelText(number.label), number.value])}
                onClick={() => (callBackNeedsConfirmation({ direction: 'incoming', number: number.value }) ? setAskingFor(id) : onCall(number.value))}
              >
                <Icon name="phone" />
              </button>
              {askingFor === id && (
                <div class="confirm-row feature-code-confirm" role="alert">
                  <p>{t('contactsFeatureCodeConfirm', number.value)}</p>
                  <button type="button" onClick={() => (setAskingFor(null), onCall(number.value))}>
                    {t('featureCodeDial', number.value)}
                  </button>
                  <button type="button" onClick={() => setAskingFor(null)} autoFocus>
                    {t('cancel')}
                  </button>
                </div>
              )}
            </>
          );
        }}
      />
    </div>
  );
}
