import type { CardDavError } from '../contacts/carddav/errors';
import type { CardDavInputProblem } from '../contacts/carddav/sources';
import { t } from './index';

/** A CardDAV error in the agent's language. */
export function cardDavErrorText(error: CardDavError): string {
  switch (error.code) {
    case 'auth_failed':
      // No stored password reads as the server's refusal would.
      return t('cardDavErrorAuth', String(error.status === 0 ? 401 : error.status));
    case 'unreachable':
      return t('cardDavErrorUnreachable', new URL(error.url).origin);
    case 'timeout':
      return t('cardDavErrorTimeout', new URL(error.url).origin);
    case 'http_status':
      return t('cardDavErrorStatus', [String(error.status), error.url]);
    case 'garbage':
      return t('cardDavErrorGarbage', error.detail);
    case 'too_large':
      return t('cardDavErrorTooLarge');
    case 'sync_loop':
      return t('cardDavErrorSyncLoop', String(error.rounds));
    case 'no_address_book':
      return t('cardDavErrorNoAddressBook');
    case 'no_permission':
      return t('cardDavErrorNoPermission', error.origin);
    case 'internal':
      return t('cardDavErrorInternal', error.detail);
  }
}

export function cardDavInputText(problem: CardDavInputProblem): string {
  switch (problem) {
    case 'url_invalid':
      return t('cardDavUrlInvalid');
    case 'url_not_http':
      return t('cardDavUrlNotHttp');
    case 'username_missing':
      return t('cardDavUsernameMissing');
    case 'password_missing':
      return t('cardDavPasswordMissing');
    case 'already_added':
      return t('cardDavAlreadyAdded');
  }
}

export function cardDavCountText(cards: number): string {
  return cards === 1 ? t('cardDavCardCountOne') : t('cardDavCardCount', String(cards));
}

export function cardDavAddedText(cards: number): string {
  return cards === 1 ? t('cardDavAddedOne') : t('cardDavAdded', String(cards));
}
