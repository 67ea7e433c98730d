/** The import as it was before it ran in steps: every contact of the book copied, then merged in place. The reference its successor must agree with. */
import type { CountryCode } from 'libphonenumber-js/min';
import type { Contact } from '../../../src/contacts/contact';
import { foldText } from '../../../src/contacts/fold';
import { numberKey } from '../../../src/contacts/match';

type ImportMode = 'merge' | 'replace';

/** Ids a reader makes up from a line number: they say nothing about the contact, so the book draws its own. */
const MADE_UP_ID = /^line-\d+$/;

/**
 * The local address book after an import. `merge` (the default) keeps every contact: an imported
 * one that is already in the book (same UID, or same name and a number in common) updates it with
 * its new numbers and company, the others are added. `replace` makes the book the imported
 * contacts. Ids the readers made up are replaced by `newId()`.
 */
export function importIntoCopying(
  book: readonly Contact[],
  imported: readonly Contact[],
  mode: ImportMode,
  homeCountry: CountryCode | null,
  newId: () => string,
): Contact[] {
  const result: Contact[] = mode === 'replace' ? [] : book.map((c) => ({ ...c, numbers: [...c.numbers] }));
  const byId = new Map<string, Contact>();
  const byNameAndNumber = new Map<string, Contact>();
  const remember = (contact: Contact): void => {
    byId.set(contact.id, contact);
    const name = foldText(contact.name);
    for (const n of contact.numbers) {
      const key = numberKey(n.value, homeCountry);
      if (key !== null) byNameAndNumber.set(`${name}\u0001${key}`, contact);
    }
  };
  for (const contact of result) remember(contact);
  for (const contact of imported) {
    const name = foldText(contact.name);
    const keys = contact.numbers.map((n) => numberKey(n.value, homeCountry));
    const same =
      (MADE_UP_ID.test(contact.id) ? undefined : byId.get(contact.id)) ??
      keys.map((key) => (key === null ? undefined : byNameAndNumber.get(`${name}\u0001${key}`))).find((c) => c !== undefined);
    if (same) {
      const known = new Set(same.numbers.map((n) => numberKey(n.value, homeCountry) ?? n.value));
      contact.numbers.forEach((n, i) => {
        const key = keys[i] ?? n.value;
        if (!known.has(key)) known.add(key), same.numbers.push(n);
      });
      if (contact.company !== '') same.company = contact.company;
      remember(same);
      continue;
    }
    const id = MADE_UP_ID.test(contact.id) || byId.has(contact.id) ? newId() : contact.id;
    const added = { ...contact, id, numbers: [...contact.numbers] };
    result.push(added);
    remember(added);
  }
  return result;
}
