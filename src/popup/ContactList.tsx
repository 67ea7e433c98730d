import type { ComponentChildren } from 'preact';
import type { Contact, ContactNumber } from '../contacts/contact';
import { t } from '../i18n';
import { numberLabelText } from '../i18n/contactsText';
import type { ContactSearchResult } from '../protocol/contacts';

/** Search results: each contact's name, company and labelled numbers, with what can be done with each number. */
export function ContactList({ result, actions }: { result: ContactSearchResult | null; actions(contact: Contact, number: ContactNumber): ComponentChildren }) {
  if (result === null) return null;
  if (result.total === 0) return <p class="empty">{t('contactsEmptyBook')}</p>;
  if (result.contacts.length === 0) return <p class="empty">{t('contactsNoMatch')}</p>;
  return (
    <>
      <ul class="contact-results" aria-label={t('contactsResults')}>
        {result.contacts.map((contact) => (
          <li key={`${contact.sourceId}:${contact.id}`} class="contact-result">
            <span class="contact-name">{contact.name}</span>
            {contact.company && <span class="contact-company">{contact.company}</span>}
            <ul class="contact-numbers">
              {contact.numbers.map((number) => (
                <li key={number.value}>
                  <span class="contact-label">{numberLabelText(number.label)}</span> <span class="contact-number">{number.value}</span>
                  {actions(contact, number)}
                </li>
              ))}
            </ul>
          </li>
        ))}
      </ul>
      {result.more && <p class="hint">{t('contactsMoreResults')}</p>}
    </>
  );
}
