import { describe, expect, it } from 'vitest';
import type { Contact } from '../../../src/contacts/contact';
import { importInto } from '../../../src/contacts/merge';

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
