/**
 * A person or company the agent can call, from any source (the local address book, a CardDAV
 * address book, the CRM lookup). Every source gives its entries in this one shape; the index
 * (src/contacts/index.ts) merges them.
 */

/** What a number is, as a code the views word; vCard TYPE and CSV column names map onto it. */
export type NumberLabel = 'work' | 'mobile' | 'home' | 'main' | 'fax' | 'other';

export const NUMBER_LABELS: readonly NumberLabel[] = ['work', 'mobile', 'home', 'main', 'fax', 'other'];

export interface ContactNumber {
  label: NumberLabel;
  /** As the source wrote it ("+32 2 555 12 34", "02/555.12.34", "101"). */
  value: string;
}

export interface Contact {
  /** Unique within its source: the vCard UID, the CardDAV href, or one the address book drew. */
  id: string;
  /** Never empty: a contact without a name is named after its company, or its first number. */
  name: string;
  /** Empty when none is known. */
  company: string;
  numbers: ContactNumber[];
  /** Which source it came from: `local`, `carddav:<id>`, `crm`. */
  sourceId: string;
  /** The contact's record in the CRM or address book, opened by the screen-pop. */
  recordUrl?: string;
}

/** The local address book's source id. */
export const LOCAL_SOURCE = 'local';
