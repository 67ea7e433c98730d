import { t } from '../i18n';
import { numberLabelText } from '../i18n/contactsText';
import { useContactSearch } from '../ui/useContacts';
import { ContactList } from './ContactList';

/** Contacts matching what the agent types as a transfer target, each number with the same two transfers as the typed one. */
export function TransferContacts({
  query,
  canConsult,
  onTransfer,
}: {
  query: string;
  canConsult: boolean;
  onTransfer(target: string, attended: boolean): void;
}) {
  const result = useContactSearch(query, 8);
  if (query.trim() === '' || result === null || result.contacts.length === 0) return null;
  return (
    <ContactList
      result={result}
      actions={(contact, number) => {
        const who = [contact.name, numberLabelText(number.label), number.value];
        return (
          <>
            <button type="button" aria-label={t('contactsTransferTo', who)} onClick={() => onTransfer(number.value, false)}>
              {t('transferNow')}
            </button>
            {canConsult && (
              <button type="button" aria-label={t('contactsConsult', who)} onClick={() => onTransfer(number.value, true)}>
                {t('consultFirst')}
              </button>
            )}
          </>
        );
      }}
    />
  );
}
