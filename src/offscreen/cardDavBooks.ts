import type { Contact } from '../contacts/contact';
import { readVCards } from '../contacts/vcard';
import type { offscreenContactRequests } from '../protocol/contacts';
import type { Routes } from '../protocol/server';
import { allCards } from '../storage/cardDavStore';
import type { ContactDirectory } from './contactDirectory';

/** A CardDAV source's id in the contact directory. */
const CARDDAV_PREFIX = 'carddav:';
export const cardDavSourceId = (sourceId: string): string => `${CARDDAV_PREFIX}${sourceId}`;

/**
 * The CardDAV address books' cards in the contact directory. The service worker syncs them into
 * the extension's IndexedDB (which this document shares; it has no storage API); this document
 * reads them when it starts and whenever the service worker says they changed, so callers are
 * named from them like local contacts.
 */
export function attachCardDavBooks(directory: ContactDirectory) {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const load = async (): Promise<void> => {
    const bySource = new Map<string, Contact[]>();
    for (const card of await allCards()) {
      const id = cardDavSourceId(card.sourceId);
      const contacts = bySource.get(id) ?? [];
      for (const read of readVCards(card.vcard, id)) if (read.ok) contacts.push(read.contact);
      bySource.set(id, contacts);
    }
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
