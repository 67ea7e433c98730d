import * as v from 'valibot';
import type { CardDavError } from '../contacts/carddav/errors';
import type { CardDavInputProblem, CardDavStatus } from '../contacts/carddav/sources';

const id = v.pipe(v.string(), v.minLength(1), v.maxLength(64));

/** CardDAV address books: the service worker answers these, from extension pages only. */
export const cardDavRequests = {
  /** Discovers the address books under `url` with these credentials, stores the source and runs its first sync. */
  addCardDavSource: v.object({
    url: v.pipe(v.string(), v.maxLength(2048)),
    username: v.pipe(v.string(), v.maxLength(256)),
    password: v.pipe(v.string(), v.maxLength(1024)),
  }),
  removeCardDavSource: v.object({ id }),
  /** "Sync now": one source, or all when no id is given. */
  syncCardDav: v.object({ id: v.optional(id) }),
  /** The agent's password for an address book the administrator's policy set without one. */
  setCardDavPassword: v.object({ id, password: v.pipe(v.string(), v.minLength(1), v.maxLength(1000)) }),
  /** Every stored card's vCard text, for the contact index. */
  cardDavCards: v.object({}),
};

export type AddCardDavResult =
  | { ok: true; id: string; status: CardDavStatus }
  | { ok: false; field: 'url' | 'username' | 'password'; problem: CardDavInputProblem }
  | { ok: false; field: 'server'; error: CardDavError };

export interface CardDavResponses {
  addCardDavSource: AddCardDavResult;
  removeCardDavSource: { ok: true };
  syncCardDav: { statuses: Record<string, CardDavStatus> };
  setCardDavPassword: { ok: true; status: CardDavStatus } | { ok: false };
  cardDavCards: { cards: { sourceId: string; href: string; vcard: string }[] };
}
