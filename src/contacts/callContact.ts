import type { NumberLabel } from './contact';
import type { ContactMatch } from './contactIndex';

/** Who the other party of a call is in the agent's contacts, as the call's snapshot carries it. */
export interface CallContact {
  name: string;
  company: string;
  /** The call's number as the contact has it written ("+32 2 555 12 34"), and its label. */
  number: string;
  label: NumberLabel;
  sourceId: string;
  contactId: string;
  recordUrl?: string;
}

export function callContactOf(match: ContactMatch | null): CallContact | null {
  if (match === null) return null;
  const { contact, number } = match;
  const found: CallContact = {
    name: contact.name,
    company: contact.company,
    number: number.value,
    label: number.label,
    sourceId: contact.sourceId,
    contactId: contact.id,
  };
  if (contact.recordUrl !== undefined) found.recordUrl = contact.recordUrl;
  return found;
}

export function sameCallContact(a: CallContact | null | undefined, b: CallContact | null | undefined): boolean {
  if (!a || !b) return !a && !b;
  return (
    a.name === b.name &&
    a.company === b.company &&
    a.number === b.number &&
    a.label === b.label &&
    a.sourceId === b.sourceId &&
    a.contactId === b.contactId &&
    a.recordUrl === b.recordUrl
  );
}

/** "Zoë Müller · ACME · +32 2 555 12 34": the agent's own contact, so name and number may share a line. */
export function callContactLine(contact: CallContact): string {
  return [contact.name, contact.company, contact.number].filter((part) => part !== '').join(' · ');
}
