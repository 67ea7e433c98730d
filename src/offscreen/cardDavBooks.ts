import type { Contact } from '../contacts/contact';
import { timeSlice } from '../contacts/slices';
import { readVCards } from '../contacts/vcard';
import type { offscreenContactRequests } from '../protocol/contacts';
import type { Routes } from '../protocol/server';
import { allCards } from '../storage/cardDavStore';
import type { ContactDirectory } from './contactDirectory';

/** A CardDAV source's id in the contact directory. */
const CARDDAV_PREFIX = 'carddav:';
export const cardDavSourceId = (sourceId: string): string => `${CARDDAV_PREFIX}${sourceId}`;

function contactsOf(vcard: string, sourceId: string): Contact[] {
  const contacts: Contact[] = [];
  for (const read of readVCards(vcard, sourceId)) if (read.ok) contacts.push(read.contact);
  return contacts;
}

/**
 * The CardDAV address books' cards in the contact directory. The service worker syncs them into
 * the extension's IndexedDB (which this document shares; it has no storage API); this document
 * reads them when it starts and whenever the service worker says they changed, so callers are
 * named from them like local contacts. Cards are read in slices, and a card whose text did not
 * change since the last reading keeps its contacts (the same objects, which the index has
 * already folded): after a sync that changed one card, one card is read again.
 */
export function attachCardDavBooks(directory: ContactDirectory) {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let known = new Map<string, { vcard: string; contacts: Contact[] }>();
  const load = async (): Promise<void> => {
    const bySource = new Map<string, Contact[]>();
    const read = new Map<string, { vcard: string; contacts: Contact[] }>();
    const slice = timeSlice(8);
    for (const card of await allCards()) {
      if (slice.due()) await slice.pause();
      const id = cardDavSourceId(card.sourceId);
      const cardKey = `${id}\u0001${card.href}`;
      const before = known.get(cardKey);
      const cardContacts = before !== undefined && before.vcard === card.vcard ? before.contacts : contactsOf(card.vcard, id);
      read.set(cardKey, { vcard: card.vcard, contacts: cardContacts });
      const contacts = bySource.get(id) ?? [];
      for (const contact of cardContacts) contacts.push(contact);
      bySource.set(id, contacts);
    }
    known = read;
    // Sources removed since: emptied.
    for (const id of directory.sourceIds()) if (id.startsWith(CARDDAV_PREFIX) && !bySource.has(id)) bySource.set(id, []);
    directory.setSources(bySource);
  };
  const reload = (): void => {
    // Several address books sync one after another: read the cards once they have settled.
    clearTimeout(timer);
    timer = setTimeout(() => void load().catch((error: unknown) => console.warn('CardDAV cards not read:', error)), 300);
  };
  reload();
  return {
    cardDavCardsChanged: () => {
      reload();
      return null;
    },
  } satisfies Routes<'offscreen', typeof offscreenContactRequests>;
}
