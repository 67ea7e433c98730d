import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Contact } from '../../../src/contacts/contact';
import { importInto } from '../../../src/contacts/merge';
import { importIntoCopying } from './copyingMerge';

const contact = (id: string, name: string, numbers: string[], company = ''): Contact => ({
  id,
  name,
  company,
  numbers: numbers.map((value) => ({ label: 'work', value })),
  sourceId: 'local',
});
let drawn = 0;
const newId = () => `new-${++drawn}`;

describe('importInto', () => {
  const book = [contact('a', 'Zoë Müller', ['+32 2 555 12 34']), contact('b', 'Jan', ['101'])];

  it('adds new contacts and keeps the book', () => {
    drawn = 0;
    const after = importInto(book, [contact('line-3', 'Ann', ['102'])], 'merge', 'BE', newId);
    expect(after.map((c) => [c.id, c.name])).toEqual([
      ['a', 'Zoë Müller'],
      ['b', 'Jan'],
      ['new-1', 'Ann'],
    ]);
  });

  it('merges the same person written another way: new numbers and company, no duplicate', () => {
    const after = importInto(book, [contact('line-1', 'zoe muller', ['02 555 12 34', '0470 12 34 56'], 'ACME')], 'merge', 'BE', newId);
    expect(after).toHaveLength(2);
    expect(after[0]).toMatchObject({ id: 'a', name: 'Zoë Müller', company: 'ACME' });
    expect(after[0]?.numbers.map((n) => n.value)).toEqual(['+32 2 555 12 34', '0470 12 34 56']);
  });

  it('updates a contact with the same UID', () => {
    const after = importInto(book, [contact('b', 'Jan', ['103'])], 'merge', 'BE', newId);
    expect(after[1]?.numbers.map((n) => n.value)).toEqual(['101', '103']);
  });

  it('keeps two people of the same number apart when their names differ', () => {
    expect(importInto(book, [contact('line-9', 'Reception', ['+32 2 555 12 34'])], 'merge', 'BE', newId)).toHaveLength(3);
  });

  it('replaces the book only when asked', () => {
    drawn = 0;
    expect(importInto(book, [contact('line-1', 'Ann', ['102'])], 'replace', 'BE', newId)).toEqual([contact('new-1', 'Ann', ['102'])]);
  });

  it('does not change the book it was given', () => {
    const before = structuredClone(book);
    importInto(book, [contact('line-1', 'Zoë Müller', ['0470 12 34 56'])], 'merge', 'BE', newId);
    expect(book).toEqual(before);
  });
});

describe('importInto, in steps and without copying the book', () => {
  const NAMES = ['Ann', 'ann', 'Zoë Müller', 'zoe muller', 'Bob'];
  const NUMBERS = ['+32 2 555 00 00', '02 555 00 00', '101', '0470 12 34 56', '*8'];
  const contactArb = fc.record({
    id: fc.constantFrom('a', 'b', 'c', 'line-1', 'line-2'),
    name: fc.constantFrom(...NAMES),
    company: fc.constantFrom('', 'ACME'),
    numbers: fc.array(fc.record({ label: fc.constantFrom('work' as const, 'mobile' as const), value: fc.constantFrom(...NUMBERS) }), {
      minLength: 1,
      maxLength: 3,
    }),
    sourceId: fc.constant('local'),
  });

  it('gives the book the copying import gave, changes neither input, and keeps the contacts it did not touch', () => {
    fc.assert(
      fc.property(
        fc.array(contactArb, { maxLength: 12 }),
        fc.array(contactArb, { maxLength: 12 }),
        fc.constantFrom('merge' as const, 'replace' as const),
        (book, imported, mode) => {
          const before = structuredClone([book, imported]);
          let ours = 0;
          let theirs = 0;
          const after = importInto(book, imported, mode, 'BE', () => `new-${++ours}`);
          expect(after).toEqual(importIntoCopying(structuredClone(book), structuredClone(imported), mode, 'BE', () => `new-${++theirs}`));
          expect([book, imported]).toEqual(before);
          for (const contact of after) if ((book as Contact[]).includes(contact)) expect(before[0]).toContainEqual(contact);
        },
      ),
      { numRuns: 300 },
    );
  });
});
