import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Contact } from '../../../src/contacts/contact';
import { parseVCards } from '../../../src/contacts/vcard';
import { writeVCards } from '../../../src/contacts/vcardWriter';

const card = (...lines: string[]): string => ['BEGIN:VCARD', ...lines, 'END:VCARD'].join('\r\n') + '\r\n';

describe('parseVCards', () => {
  it.each<[string, string, Partial<Contact>]>([
    [
      'vCard 3.0 with several TEL and TYPE parameters',
      card(
        'VERSION:3.0',
        'FN:Zoë Müller',
        'ORG:ACME;Sales',
        'TEL;TYPE=WORK,VOICE:+32 2 555 12 34',
        'TEL;TYPE=CELL:0470 12 34 56',
        'TEL;TYPE=WORK;TYPE=FAX:+32 2 555 12 35',
      ),
      {
        name: 'Zoë Müller',
        company: 'ACME, Sales',
        numbers: [
          { label: 'work', value: '+32 2 555 12 34' },
          { label: 'mobile', value: '0470 12 34 56' },
          { label: 'fax', value: '+32 2 555 12 35' },
        ],
      },
    ],
    [
      'vCard 4.0 with tel: URIs and quoted TYPE lists',
      card('VERSION:4.0', 'FN:Jan de Vries', 'TEL;VALUE=uri;TYPE="cell,voice":tel:+31-6-1234-5678', 'TEL;VALUE=uri;TYPE=home:tel:+31-20-555-0100;ext=12'),
      {
        name: 'Jan de Vries',
        numbers: [
          { label: 'mobile', value: '+31-6-1234-5678' },
          { label: 'home', value: '+31-20-555-0100' },
        ],
      },
    ],
    [
      'folded lines, CRLF and a tab',
      card('VERSION:3.0', 'FN:Zoë Mül', ' ler', 'TEL;TYPE=CE', '\tLL:+32 2 555 12 34'),
      { name: 'Zoë Müller', numbers: [{ label: 'mobile', value: '+32 2 555 12 34' }] },
    ],
    [
      'a name only in N, with escapes',
      card('VERSION:3.0', 'N:Müller;Zoë;;Dr.;', 'ORG:Smith\\, Jones & Co', 'TEL:101'),
      { name: 'Dr. Zoë Müller', company: 'Smith, Jones & Co', numbers: [{ label: 'other', value: '101' }] },
    ],
    [
      'vCard 2.1 quoted-printable, bare types and a soft line break',
      card('VERSION:2.1', 'FN;ENCODING=QUOTED-PRINTABLE;CHARSET=UTF-8:Zo=C3=AB M=C3=BC=', 'ller', 'TEL;CELL;VOICE:+32470123456'),
      { name: 'Zoë Müller', numbers: [{ label: 'mobile', value: '+32470123456' }] },
    ],
    ['quoted-printable in Latin-1', card('VERSION:2.1', 'FN;ENCODING=QUOTED-PRINTABLE;CHARSET=ISO-8859-1:Ren=E9', 'TEL;WORK:02 555 12 34'), { name: 'René' }],
    [
      'a company and no name',
      card('VERSION:3.0', 'ORG:ACME', 'TEL;TYPE=MAIN:+32 2 555 00 00'),
      { name: 'ACME', company: 'ACME', numbers: [{ label: 'main', value: '+32 2 555 00 00' }] },
    ],
    [
      'groups (Apple) and the UID',
      card('VERSION:3.0', 'UID:abc-1', 'FN:Bob', 'item1.TEL;type=pref:+1 555 0100'),
      { id: 'abc-1', name: 'Bob', numbers: [{ label: 'main', value: '+1 555 0100' }] },
    ],
    ['LF line ends', 'BEGIN:VCARD\nVERSION:3.0\nFN:Ann\nTEL:103\nEND:VCARD\n', { name: 'Ann' }],
    ['invisible and bidi characters in a name are dropped', card('VERSION:3.0', 'FN:Po\u200blice\u202e', 'TEL:112'), { name: 'Police' }],
  ])('%s', (_, text, expected) => {
    const { contacts, skipped } = parseVCards(text);
    expect(skipped).toEqual([]);
    expect(contacts).toHaveLength(1);
    expect(contacts[0]).toMatchObject({ sourceId: 'local', ...expected });
  });

  it('skips a broken card and names its line, reading the cards around it', () => {
    const text = [
      card('VERSION:3.0', 'FN:Ann', 'TEL:101'),
      card('VERSION:3.0', 'FN:Nobody', 'EMAIL:n@example.com'),
      card('VERSION:3.0', 'FN:Bad', 'this is not a property', 'TEL:102'),
      card('VERSION:3.0', 'NOTE:nothing'),
      card('VERSION:3.0', 'FN:Cid', 'TEL:103'),
      'BEGIN:VCARD\r\nFN:Open\r\nTEL:104\r\n',
    ].join('');
    const { contacts, skipped } = parseVCards(text);
    expect(contacts.map((c) => c.name)).toEqual(['Ann', 'Cid']);
    expect(skipped).toEqual([
      { line: 6, reason: 'no_number' },
      { line: 14, reason: 'malformed_line' },
      { line: 17, reason: 'no_name_or_number' },
      { line: 26, reason: 'unterminated_card' },
    ]);
  });

  it('refuses a card too large to be a phone book entry', () => {
    const { contacts, skipped } = parseVCards(card('VERSION:3.0', 'FN:Big', `NOTE:${'x'.repeat(200_000)}`, 'TEL:101'));
    expect(contacts).toEqual([]);
    expect(skipped).toEqual([{ line: 1, reason: 'too_large' }]);
  });

  it('ignores text outside cards and properties it does not use', () => {
    const { contacts } = parseVCards(`garbage\r\n${card('VERSION:4.0', 'FN:Ann', 'PHOTO;ENCODING=b:AAAA', 'X-SOCIAL:ann', 'TEL:101')}`);
    expect(contacts.map((c) => c.name)).toEqual(['Ann']);
  });

  it('never throws, whatever the text', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom('BEGIN:VCARD\r\n', 'END:VCARD\r\n', 'FN:', 'TEL', ';', ':', '=', '\r\n', ' ', 'a', '1', '"', '\\', 'é') }),
        (text) => {
          const { contacts, skipped } = parseVCards(text);
          for (const c of contacts) {
            expect(c.name).not.toBe('');
            expect(c.numbers.length).toBeGreaterThan(0);
          }
          expect(skipped.every((s) => s.line >= 1)).toBe(true);
        },
      ),
    );
  });
});

const nameArb = fc
  .string({ unit: fc.constantFrom('a', 'Z', 'ë', 'ü', ' ', ',', ';', '\\', ':', '"', '漢', '😀', 'ß'), minLength: 1, maxLength: 90 })
  .map((s) => s.replace(/\s+/g, ' ').trim())
  .filter((s) => s !== '' && s.length <= 64);
const numberArb = fc.stringMatching(/^\+?[1-9]\d{1,14}$/);
const contactArb: fc.Arbitrary<Contact> = fc.record({
  id: fc.uuid(),
  name: nameArb,
  company: fc.oneof(fc.constant(''), nameArb),
  numbers: fc.uniqueArray(fc.record({ label: fc.constantFrom('work', 'mobile', 'home', 'main', 'fax', 'other'), value: numberArb }), {
    minLength: 1,
    maxLength: 4,
    selector: (n) => n.value,
  }),
  sourceId: fc.constant('local'),
});

describe('writeVCards', () => {
  it('reads back as it was written', () => {
    fc.assert(
      fc.property(fc.array(contactArb, { maxLength: 5 }), (contacts) => {
        const text = writeVCards(contacts);
        const back = parseVCards(text);
        expect(back.skipped).toEqual([]);
        expect(back.contacts).toEqual(contacts);
      }),
    );
  });

  it('folds lines at 75 octets without cutting a character', () => {
    const text = writeVCards([{ id: '1', name: 'é'.repeat(60), company: '', numbers: [{ label: 'work', value: '101' }], sourceId: 'local' }]);
    for (const line of text.split('\r\n')) expect(new TextEncoder().encode(line).length).toBeLessThanOrEqual(75);
    expect(text).not.toContain('\uFFFD');
  });
});
