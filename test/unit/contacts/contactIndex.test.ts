import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Contact } from '../../../src/contacts/contact';
import { ContactIndex } from '../../../src/contacts/contactIndex';
import { OneShotIndex } from './oneShotIndex';

const contact = (name: string, company: string, numbers: string[], sourceId = 'local', id = name): Contact => ({
  id,
  name,
  company,
  numbers: numbers.map((value) => ({ label: 'work', value })),
  sourceId,
});

const book = [
  contact('Zoë Müller', 'ACME', ['+32 2 555 12 34', '0470 12 34 56']),
  contact('Jan de Vries', 'Globex', ['+31 20 555 0100']),
  contact('Reception', 'ACME', ['101']),
  contact('Anna Schmidt', 'Initech', ['+49 30 1234567']),
];
const index = new ContactIndex(book, 'BE');
const names = (query: string) => index.search(query).contacts.map((c) => c.name);

describe('ContactIndex.search', () => {
  it.each([
    ['zoe', ['Zoë Müller']],
    ['MÜLLER', ['Zoë Müller']],
    ['acme', ['Reception', 'Zoë Müller']],
    ['de vr', ['Jan de Vries']],
    ['vries jan', ['Jan de Vries']],
    ['glob', ['Jan de Vries']],
    ['5551234', ['Zoë Müller']],
    ['02 555 12', ['Zoë Müller']],
    ['+32 2 555', ['Zoë Müller']],
    ['0032 2555', ['Zoë Müller']],
    ['0470', ['Zoë Müller']],
    ['101', ['Reception']],
    ['555', ['Jan de Vries', 'Zoë Müller']],
    ['nobody', []],
  ])('%j finds %j', (query, expected) => {
    expect(names(query)).toEqual(expected);
  });

  it('lists every contact by name for an empty query, and says when there are more than the limit', () => {
    expect(index.search('').contacts.map((c) => c.name)).toEqual(['Anna Schmidt', 'Jan de Vries', 'Reception', 'Zoë Müller']);
    expect(index.search('', 2)).toMatchObject({ more: true });
    expect(index.search('e', 2).contacts).toHaveLength(2);
  });
});

describe('ContactIndex.byNumber', () => {
  it.each([
    ['+3225551234', 'Zoë Müller'],
    ['003225551234', 'Zoë Müller'],
    ['025551234', 'Zoë Müller'],
    ['3225551234', 'Zoë Müller'],
    ['+32470123456', 'Zoë Müller'],
    ['101', 'Reception'],
    ['+32101', null],
    ['1010', null],
    ['+3225559999', null],
  ])('%s is %s', (number, name) => {
    expect(index.byNumber(number)?.name ?? null).toBe(name);
  });
});

describe('deduplication by number', () => {
  it('merges the same person from two sources into one entry with the numbers of both', () => {
    const merged = new ContactIndex(
      [contact('Zoë Müller', 'ACME', ['+32 2 555 12 34'], 'local'), contact('Zoe Muller', 'ACME', ['02 555 12 34', '0470 12 34 56'], 'carddav:1')],
      'BE',
    );
    expect(merged.size).toBe(1);
    expect(merged.entries[0]?.numbers.map((n) => n.value)).toEqual(['+32 2 555 12 34', '0470 12 34 56']);
    expect(merged.byNumber('+32470123456')?.sourceId).toBe('local');
  });

  it('keeps two people who share a switchboard number, the first source answering for it', () => {
    const shared = new ContactIndex([contact('Ann', 'ACME', ['+32 2 555 00 00']), contact('Bob', 'ACME', ['02 555 00 00'])], 'BE');
    expect(shared.size).toBe(2);
    expect(shared.byNumber('025550000')?.name).toBe('Ann');
  });

  it('lists a number written twice in one contact once', () => {
    const twice = new ContactIndex([contact('Ann', '', ['+32 2 555 00 00', '02 555 00 00'])], 'BE');
    expect(twice.entries[0]?.numbers).toHaveLength(1);
  });
});

describe('ContactIndex.lookup', () => {
  it('gives the number as the contact has it, with its label', () => {
    expect(index.lookup('+32470123456')?.number).toEqual({ label: 'work', value: '0470 12 34 56' });
    expect(index.lookup('+3225559999')).toBeNull();
  });
});

describe('the index built in slices', () => {
  const NAMES = ['Ann', 'ann', 'Änn', 'Bob', 'Zoë Müller', 'zoe muller', 'Reception'];
  const NUMBERS = [
    '+32 2 555 00 00',
    '02 555 00 00',
    '003225550000',
    '101',
    '0470 12 34 56',
    '+32470123456',
    '*8',
    '+31 20 555 0100',
    '3225550000',
    '12345678901234',
  ];
  const QUERIES = ['', 'ann', 'zoe', 'mu', 'acme', '555', '02 555', '0032', '+31', '101', 'nobody', 'a'];
  const contactArb = fc.record({
    id: fc.constantFrom('a', 'b', 'c', 'd'),
    name: fc.constantFrom(...NAMES),
    company: fc.constantFrom('', 'ACME', 'Globex'),
    numbers: fc.array(fc.record({ label: fc.constantFrom('work' as const, 'mobile' as const), value: fc.constantFrom(...NUMBERS) }), {
      minLength: 1,
      maxLength: 3,
    }),
    sourceId: fc.constantFrom('local', 'carddav:1', 'carddav:2'),
  });
  const answers = (index: { lookup(n: string): unknown; byNumber(n: string): unknown; search(q: string, l?: number): unknown; entries: unknown }) => ({
    entries: index.entries,
    lookups: NUMBERS.map((n) => index.lookup(n)),
    byNumber: NUMBERS.map((n) => index.byNumber(n)),
    searches: QUERIES.map((q) => [index.search(q), index.search(q, 2)]),
  });

  it('answers lookup, byNumber and search exactly like the index built whole, with contacts folded by an earlier build', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(contactArb, { maxLength: 40 }),
        fc.array(contactArb, { maxLength: 10 }),
        fc.constantFrom('BE' as const, 'IT' as const, null),
        async (earlier, added, country) => {
          // An earlier build folded these contact objects: the next one reuses them.
          new ContactIndex(earlier, country);
          const contacts = [...earlier, ...added];
          const expected = answers(new OneShotIndex(contacts, country));
          expect(answers(new ContactIndex(contacts, country))).toEqual(expected);
          const sliced = await ContactIndex.build(contacts, country, { sliceMs: 0 });
          expect(sliced && answers(sliced)).toEqual(expected);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('folds a contact changed in place again', () => {
    const ann = contact('Ann', '', ['+32 2 555 00 00']);
    new ContactIndex([ann], 'BE');
    ann.name = 'Bob';
    ann.numbers = [{ label: 'work', value: '101' }];
    const index = new ContactIndex([ann], 'BE');
    expect(index.byNumber('101')?.name).toBe('Bob');
    expect(index.search('bob').contacts).toHaveLength(1);
    expect(index.byNumber('+3225550000')).toBeNull();
  });

  it('stops when cancelled between two slices', async () => {
    expect(await ContactIndex.build(book, 'BE', { sliceMs: 0, cancelled: () => true })).toBeNull();
  });
});
