import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { CardDavFailure } from '../../../../src/contacts/carddav/errors';
import { isAddressBook, parseMultistatus, resolveHref, statusCode } from '../../../../src/contacts/carddav/multistatus';
import { addressBookMultiget, syncCollection } from '../../../../src/contacts/carddav/requests';
import { escapeXml, parseXml } from '../../../../src/contacts/carddav/xml';

const base = 'https://dav.example.com/alice/contacts/';

function garbageOf(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    if (error instanceof CardDavFailure && error.error.code === 'garbage') return error.error.detail;
    throw error;
  }
  throw new Error('parsed');
}

describe('reading a multistatus', () => {
  test.each([
    ['the usual d: prefix', 'xmlns:d="DAV:" xmlns:c="urn:ietf:params:xml:ns:carddav"', 'd:', 'c:'],
    ['a default namespace', 'xmlns="DAV:" xmlns:C="urn:ietf:params:xml:ns:carddav"', '', 'C:'],
    ['unusual prefixes', 'xmlns:x0="DAV:" xmlns:y="urn:ietf:params:xml:ns:carddav"', 'x0:', 'y:'],
  ])('namespaces, not prefixes, decide: %s', (_, decl, d, c) => {
    const body = `<?xml version="1.0" encoding="utf-8"?>
      <${d}multistatus ${decl}>
        <${d}response>
          <${d}href>/alice/contacts/a%20b.vcf</${d}href>
          <${d}propstat><${d}prop><${d}getetag>"e1"</${d}getetag><${c}address-data>BEGIN:VCARD&#13;
FN:Zoë &amp; Co
END:VCARD</${c}address-data></${d}prop><${d}status>HTTP/1.1 200 OK</${d}status></${d}propstat>
          <${d}propstat><${d}prop><${d}displayname/></${d}prop><${d}status>HTTP/1.1 404 Not Found</${d}status></${d}propstat>
        </${d}response>
        <${d}sync-token>urn:token:2</${d}sync-token>
      </${d}multistatus>`;
    const parsed = parseMultistatus(body, base);
    expect(parsed.syncToken).toBe('urn:token:2');
    expect(parsed.responses).toEqual([
      {
        href: 'https://dav.example.com/alice/contacts/a%20b.vcf',
        properties: { resourceTypes: [], etag: '"e1"', addressData: 'BEGIN:VCARD\r\nFN:Zoë & Co\nEND:VCARD' },
      },
    ]);
  });

  test('properties of a failed propstat are not taken; a response status (a deleted card) is', () => {
    const parsed = parseMultistatus(
      `<d:multistatus xmlns:d="DAV:"><d:response><d:href>gone.vcf</d:href><d:status>HTTP/1.1 404 Not Found</d:status></d:response>
       <d:response><d:href>x.vcf</d:href><d:propstat><d:prop><d:getetag>"bad"</d:getetag></d:prop><d:status>HTTP/1.1 403 Forbidden</d:status></d:propstat></d:response></d:multistatus>`,
      base,
    );
    expect(parsed.responses.map((r) => [r.href.split('/').pop(), r.status, r.properties.etag])).toEqual([
      ['gone.vcf', 404, undefined],
      ['x.vcf', undefined, undefined],
    ]);
  });

  test('address books, principal and home are recognised; CDATA address data is read', () => {
    const parsed = parseMultistatus(
      `<multistatus xmlns="DAV:"><response><href>/alice/</href><propstat><prop>
        <resourcetype><collection/><addressbook xmlns="urn:ietf:params:xml:ns:carddav"/></resourcetype>
        <current-user-principal><href>/principals/alice/</href></current-user-principal>
        <addressbook-home-set xmlns="urn:ietf:params:xml:ns:carddav"><href xmlns="DAV:">/homes/alice/</href></addressbook-home-set>
        <address-data xmlns="urn:ietf:params:xml:ns:carddav"><![CDATA[BEGIN:VCARD <&>]]></address-data>
        <getctag xmlns="http://calendarserver.org/ns/">42</getctag>
      </prop><status>HTTP/1.1 200 OK</status></propstat></response></multistatus>`,
      base,
    );
    const [only] = parsed.responses;
    expect(only && isAddressBook(only.properties)).toBe(true);
    expect(only?.properties).toMatchObject({
      currentUserPrincipal: 'https://dav.example.com/principals/alice/',
      addressBookHomeSet: 'https://dav.example.com/homes/alice/',
      addressData: 'BEGIN:VCARD <&>',
      ctag: '42',
    });
  });

  test.each([
    ['not XML', 'Internal Server Error'],
    ['HTML', '<!DOCTYPE html><html><body>Login</body></html>'],
    [
      'an entity bomb',
      '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;">]><d:multistatus xmlns:d="DAV:">&b;</d:multistatus>',
    ],
    ['cut short', '<d:multistatus xmlns:d="DAV:"><d:response><d:href>/a'],
    ['another root', '<d:error xmlns:d="DAV:"><d:valid-sync-token/></d:error>'],
    ['a multistatus in no namespace', '<multistatus><response><href>/a</href></response></multistatus>'],
    ['a response without href', '<d:multistatus xmlns:d="DAV:"><d:response/></d:multistatus>'],
    ['an href on another server', '<d:multistatus xmlns:d="DAV:"><d:response><d:href>https://evil.example/x.vcf</d:href></d:response></d:multistatus>'],
    ['an undeclared prefix', '<d:multistatus><d:response/></d:multistatus>'],
    ['empty', ''],
    ['nested without end', `${'<a>'.repeat(100)}`],
  ])('garbage is refused: %s', (_, body) => {
    expect(garbageOf(() => parseMultistatus(body, base))).not.toBe('');
  });

  test('a huge multistatus (50,000 responses) is read whole; past the element limit it is refused', { timeout: 60_000 }, () => {
    const responses = (n: number) =>
      `<d:multistatus xmlns:d="DAV:">${Array.from({ length: n }, (_, i) => `<d:response><d:href>/alice/contacts/${i}.vcf</d:href><d:propstat><d:prop><d:getetag>"${i}"</d:getetag></d:prop><d:status>HTTP/1.1 200 OK</d:status></d:propstat></d:response>`).join('')}</d:multistatus>`;
    const big = responses(50_000);
    expect(parseMultistatus(big, base).responses).toHaveLength(50_000);
    expect(garbageOf(() => parseMultistatus(responses(1_000), base, { maxElements: 5_000, maxDepth: 64 }))).toContain('more than 5000 elements');
  });

  test('whatever the bytes, reading gives a multistatus or a garbage failure, nothing else', () => {
    const fragments = fc.constantFrom(
      '<d:multistatus xmlns:d="DAV:">',
      '</d:multistatus>',
      '<d:response>',
      '</d:response>',
      '<d:href>',
      '</d:href>',
      '/a.vcf',
      '&amp;',
      '&bogus;',
      '<![CDATA[',
      ']]>',
      '<!DOCTYPE x>',
      '<?xml version="1.0"?>',
      '"',
      '<',
      '>',
    );
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.array(fragments).map((f) => f.join('')),
        ),
        (body) => {
          try {
            parseMultistatus(body, base);
          } catch (error) {
            expect(error).toBeInstanceOf(CardDavFailure);
          }
        },
      ),
      { numRuns: 2_000 },
    );
  });

  test('any card text and ETag survive the trip through XML escaping', () => {
    // XML 1.0 cannot carry most control characters, and a bare CR is read as LF: neither is vCard text.
    const text = fc.string({ unit: 'grapheme' }).map((s) => s.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff\r]/g, ''));
    fc.assert(
      fc.property(fc.array(fc.record({ etag: text, vcard: text }), { maxLength: 20 }), (cards) => {
        const body = `<d:multistatus xmlns:d="DAV:" xmlns:c="urn:ietf:params:xml:ns:carddav">${cards
          .map(
            (c, i) =>
              `<d:response><d:href>${i}.vcf</d:href><d:propstat><d:prop><d:getetag>${escapeXml(c.etag)}</d:getetag><c:address-data>${escapeXml(c.vcard)}</c:address-data></d:prop><d:status>HTTP/1.1 200 OK</d:status></d:propstat></d:response>`,
          )
          .join('')}</d:multistatus>`;
        const parsed = parseMultistatus(body, base);
        expect(parsed.responses.map((r) => [r.properties.etag, r.properties.addressData])).toEqual(cards.map((c) => [c.etag.trim(), c.vcard]));
      }),
    );
  });
});

describe('pieces', () => {
  test.each([
    ['HTTP/1.1 200 OK', 200],
    ['HTTP/1.0 404 Not Found', 404],
    ['HTTP/2 507 Insufficient Storage', 507],
    ['  HTTP/1.1 207', 207],
    ['200 OK', undefined],
    ['', undefined],
  ])('status line %j → %s', (line, code) => expect(statusCode(line)).toBe(code));

  test.each([
    ['a.vcf', 'https://dav.example.com/alice/contacts/a.vcf'],
    ['/bob/x.vcf', 'https://dav.example.com/bob/x.vcf'],
    ['https://dav.example.com/a#frag', 'https://dav.example.com/a'],
  ])('href %s resolves to %s', (href, url) => expect(resolveHref(href, base)).toBe(url));

  test('request bodies are well-formed XML with the token and hrefs escaped', () => {
    expect(parseXml(syncCollection('a<b&"c')).children.find((c) => c.name === 'sync-token')?.text).toBe('a<b&"c');
    const multiget = parseXml(addressBookMultiget(['/a&b.vcf', '/c.vcf']));
    expect(multiget.name).toBe('addressbook-multiget');
    expect(multiget.children.filter((c) => c.name === 'href').map((c) => c.text)).toEqual(['/a&b.vcf', '/c.vcf']);
  });
});
