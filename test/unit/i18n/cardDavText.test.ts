import { beforeAll, describe, expect, test } from 'vitest';
import type { CardDavError } from '../../../src/contacts/carddav/errors';
import type { CardDavInputProblem } from '../../../src/contacts/carddav/sources';
import { cardDavAddedText, cardDavCountText, cardDavErrorText, cardDavInputText } from '../../../src/i18n/cardDavText';
import { installEnglish } from './englishMessages';

beforeAll(installEnglish);

describe('CardDAV wording', () => {
  test.each<[CardDavError, string]>([
    [{ code: 'auth_failed', status: 401 }, 'Wrong username or password: the server refused them (401)'],
    [{ code: 'auth_failed', status: 403 }, 'Wrong username or password: the server refused them (403)'],
    [
      { code: 'unreachable', url: 'https://dav.example.com/.well-known/carddav' },
      'Cannot reach https://dav.example.com (server down, wrong address, or its TLS certificate is not trusted)',
    ],
    [{ code: 'timeout', url: 'https://dav.example.com/x/' }, 'https://dav.example.com did not answer in time'],
    [{ code: 'http_status', status: 500, url: 'https://dav.example.com/x/' }, 'The server answered 500 for https://dav.example.com/x/'],
    [
      { code: 'garbage', detail: 'a <html> where a DAV multistatus was expected' },
      "The server's answer is not a CardDAV answer (a <html> where a DAV multistatus was expected)",
    ],
    [{ code: 'too_large', limitBytes: 1 }, "The server's answer is too large to be an address book"],
    [{ code: 'sync_loop', rounds: 50 }, 'The server still announced more changes after 50 rounds: the sync was stopped'],
    [{ code: 'no_address_book' }, 'No address book found at this address for this user'],
    [
      { code: 'no_permission', origin: 'https://dav.example.com' },
      'The extension may not reach https://dav.example.com: remove the address book and add it again to allow it',
    ],
    [{ code: 'internal', detail: 'boom' }, 'The sync failed: boom'],
  ])('%j', (error, text) => expect(cardDavErrorText(error)).toBe(text));

  test.each<[CardDavInputProblem, string]>([
    ['url_invalid', "Enter the server's address, e.g. https://cloud.example.com"],
    ['url_not_http', 'The address must start with https:// (or http://)'],
    ['username_missing', 'Enter your username'],
    ['password_missing', 'Enter your password or app password'],
    ['already_added', 'This address book is already added for this user'],
  ])('%s', (problem, text) => expect(cardDavInputText(problem)).toBe(text));

  test.each([
    [0, '0 cards', 'Address book added: 0 cards'],
    [1, '1 card', 'Address book added: 1 card'],
    [5000, '5000 cards', 'Address book added: 5000 cards'],
  ])('%i', (n, count, added) => {
    expect(cardDavCountText(n)).toBe(count);
    expect(cardDavAddedText(n)).toBe(added);
  });
});
