import { describe, expect, test } from 'vitest';
import { checkCardDavInput, isAlreadyAdded, originPattern, storedCardDavSources, storedCardDavStatus } from '../../../../src/contacts/carddav/sources';

describe('CardDAV settings', () => {
  test.each([
    [
      { url: 'https://cloud.example.com', username: 'zoe', password: 'p' },
      { ok: true, url: 'https://cloud.example.com/' },
    ],
    [
      { url: '  https://cloud.example.com/remote.php/dav#x ', username: 'zoe', password: 'p' },
      { ok: true, url: 'https://cloud.example.com/remote.php/dav' },
    ],
    [
      { url: 'http://127.0.0.1:5232/', username: 'zoe', password: 'p' },
      { ok: true, url: 'http://127.0.0.1:5232/' },
    ],
    [
      { url: 'cloud.example.com', username: 'zoe', password: 'p' },
      { ok: false, field: 'url', problem: 'url_invalid' },
    ],
    [
      { url: '', username: 'zoe', password: 'p' },
      { ok: false, field: 'url', problem: 'url_invalid' },
    ],
    [
      { url: 'ftp://cloud.example.com', username: 'zoe', password: 'p' },
      { ok: false, field: 'url', problem: 'url_not_http' },
    ],
    [
      { url: 'javascript:alert(1)', username: 'zoe', password: 'p' },
      { ok: false, field: 'url', problem: 'url_not_http' },
    ],
    [
      { url: 'https://cloud.example.com', username: '  ', password: 'p' },
      { ok: false, field: 'username', problem: 'username_missing' },
    ],
    [
      { url: 'https://cloud.example.com', username: 'zoe', password: '' },
      { ok: false, field: 'password', problem: 'password_missing' },
    ],
  ])('%j → %j', (input, expected) => expect(checkCardDavInput(input)).toEqual(expected));

  test.each([
    ['https://x.example/', 'zoe', true],
    ['https://x.example', 'zoe', true],
    ['https://x.example/', 'bob', false],
    ['https://y.example/', 'zoe', false],
  ])('%s for %s is already added: %s', (url, username, expected) => {
    const stored = [{ id: 'a', url: 'https://x.example/', username: 'zoe', passwordKey: 'k', addressBooks: [] }];
    expect(isAlreadyAdded(stored, url, username)).toBe(expected);
  });

  test('the host permission covers the server origin only', () => {
    expect(originPattern('https://cloud.example.com:8443/remote.php/dav/')).toBe('https://cloud.example.com:8443/*');
  });

  test('a damaged stored source is dropped, the others kept; a damaged status likewise', () => {
    const good = { id: 'a', url: 'https://x/', username: 'u', passwordKey: 'k', addressBooks: [{ url: 'https://x/b/', displayName: 'B' }] };
    expect(storedCardDavSources([good, { id: 3 }, null, 'x'])).toEqual([good]);
    expect(storedCardDavSources({ not: 'a list' })).toEqual([]);
    const status = { cards: 2, lastSyncAt: 1, lastAttemptAt: 1, syncing: false, error: { code: 'auth_failed', status: 401 }, skipped: 0 };
    expect(storedCardDavStatus({ a: status, b: { cards: 'many' } })).toEqual({ a: status });
    expect(storedCardDavStatus(null)).toEqual({});
  });
});
