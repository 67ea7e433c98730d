import type { CountryCode } from 'libphonenumber-js/min';
import type { Contact } from './contact';
import { foldText } from './fold';
import { numberKey } from './match';
import { runToEnd, type Steps } from './slices';

export type ImportMode = 'merge' | 'replace';

/** Ids a reader makes up from a line number: they say nothing about the contact, so the book draws its own. */
const MADE_UP_ID = /^line-\d+$/;

/** Contacts handled between two points where a sliced import may pause. */
const CONTACTS_PER_STEP = 200;

/**
 * The local address book after an import. `merge` (the default) keeps every contact: an imported
 * one that is already in the book (same UID, or same name and a number in common) updates it with
 * its new numbers and company, the others are added. `replace` makes the book the imported
 * contacts. Ids the readers made up are replaced by `newId()`.
 */
export function importInto(
  book: readonly Contact[],
  imported: readonly Contact[],
  mode: ImportMode,
  homeCountry: CountryCode | null,
  newId: () => string,
): Contact[] {
  return runToEnd(importSteps(book, imported, mode, homeCountry, newId));
}

/**
 * `importInto` as steps that may pause between any two (see slices.ts). Contacts of the book that
 * the import does not touch stay the same objects, so the index does not fold them again; one it
 * updates is copied first: neither the book nor the imported contacts are changed.
 */
export function* importSteps(
  book: readonly Contact[],
  imported: readonly Contact[],
  mode: ImportMode,
  homeCountry: CountryCode | null,
  newId: () => string,
): Steps<Contact[]> {
  const result: Contact[] = mode === 'replace' ? [] : [...book];
  /** Positions in `result` of the contacts this import made or copied, its own to change. */
  const owned = new Set<number>();
  const byId = new Map<string, number>();
  const byNameAndNumber = new Map<string, number>();
  const remember = (at: number): void => {
    const contact = result[at] as Contact;
    byId.set(contact.id, at);
    const name = foldText(contact.name);
    for (const n of contact.numbers) {
      const key = numberKey(n.value, homeCountry);
      if (key !== null) byNameAndNumber.set(`${name}\u0001${key}`, at);
    }
  };
  let step = 0;
  for (let at = 0; at < result.length; at++) {
    if (++step % CONTACTS_PER_STEP === 0) yield;
    remember(at);
  }
  for (const contact of imported) {
    if (++step % CONTACTS_PER_STEP === 0) yield;
    const name = foldText(contact.name);
    const keys = contact.numbers.map((n) => numberKey(n.value, homeCountry));
    const at =
      (MADE_UP_ID.test(contact.id) ? undefined : byId.get(contact.id)) ??
      keys.map((key) => (key === null ? undefined : byNameAndNumber.get(`${name}\u0001${key}`))).find((i) => i !== undefined);
    if (at !== undefined) {
      if (!owned.has(at)) {
        const original = result[at] as Contact;
        result[at] = { ...original, numbers: [...original.numbers] };
        owned.add(at);
      }
      const same = result[at] as Contact;
      const known = new Set(same.numbers.map((n) => numberKey(n.value, homeCountry) ?? n.value));
      contact.numbers.forEach((n, i) => {
        const key = keys[i] ?? n.value;
        if (!known.has(key)) known.add(key), same.numbers.push(n);
      });
      if (contact.company !== '') same.company = contact.company;
      remember(at);
      continue;
    }
    const id = MADE_UP_ID.test(contact.id) || byId.has(contact.id) ? newId() : contact.id;
    result.push({ ...contact, id, numbers: [...contact.numbers] });
    owned.add(result.length - 1);
    remember(result.length - 1);
  }
  return result;
}
