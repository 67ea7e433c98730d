/**
 * What can go wrong with a CardDAV address book, as codes the settings page words in the agent's
 * language (src/i18n/cardDavText.ts). A failed sync never replaces the last good copy.
 */
export type CardDavError =
  /** 401 or 403: the server refused the username and password. */
  | { code: 'auth_failed'; status: number }
  /**
   * No answer at all: server down, wrong host or port, or (for https) a certificate the browser does
   * not trust. A browser's fetch does not say which.
   */
  | { code: 'unreachable'; url: string }
  | { code: 'timeout'; url: string }
  /** Any other HTTP status where a WebDAV answer was expected. */
  | { code: 'http_status'; status: number; url: string }
  /** The answer is not the XML of a WebDAV multistatus (or not XML at all). */
  | { code: 'garbage'; detail: string }
  /** An answer larger than we read: a server gone wrong, or not a CardDAV server. */
  | { code: 'too_large'; limitBytes: number }
  /** The server kept saying "more to come" past any reasonable number of rounds. */
  | { code: 'sync_loop'; rounds: number }
  /** Discovery found no address book under this URL for this user. */
  | { code: 'no_address_book' }
  /** The extension may not reach this server: the agent refused or removed its access. */
  | { code: 'no_permission'; origin: string }
  | { code: 'internal'; detail: string };

export type CardDavErrorCode = CardDavError['code'];

/** Thrown inside the protocol code and caught at its edge, where it becomes a value again. */
export class CardDavFailure extends Error {
  constructor(readonly error: CardDavError) {
    super(error.code);
  }
}

export function fail(error: CardDavError): never {
  throw new CardDavFailure(error);
}

export function garbage(detail: string): never {
  return fail({ code: 'garbage', detail: detail.slice(0, 200) });
}

/** The code of a CardDavFailure (null for anything else thrown). */
export function failureCode(error: unknown): CardDavErrorCode | null {
  return error instanceof CardDavFailure ? error.error.code : null;
}

/** Whether a CardDavFailure is an HTTP status among `statuses`. */
export function isStatusFailure(error: unknown, statuses: readonly number[]): boolean {
  return error instanceof CardDavFailure && error.error.code === 'http_status' && statuses.includes(error.error.status);
}

/** Whatever was thrown, as a CardDavError. */
export function asCardDavError(error: unknown): CardDavError {
  if (error instanceof CardDavFailure) return error.error;
  return { code: 'internal', detail: error instanceof Error ? error.message : String(error) };
}
