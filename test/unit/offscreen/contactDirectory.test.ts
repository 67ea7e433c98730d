import { describe, expect, it } from 'vitest';
import type { Contact } from '../../../src/contacts/contact';
import { ContactDirectory } from '../../../src/offscreen/contactDirectory';

const people = (count: number, prefix: string, sourceId = 'local'): Contact[] =>
  Array.from({ length: count }, (_, i) => ({
    id: `${prefix}${i}`,
    name: `${prefix} ${i}`,
    company: '',
    numbers: [{ label: 'work', value: `+32 2 ${5_000_000 + i}` }],
    sourceId,
  }));

describe('ContactDirectory', () => {
  it('answers from the old index while the new one builds, then from the new one', async () => {
    const directory = new ContactDirectory(0);
    directory.setSource('local', people(3, 'Old'));
    await directory.settled();
    directory.setSource('local', people(3000, 'New'));
    expect(directory.byNumber('+3225000001')?.name).toBe('Old 1');
    expect(directory.search('old').contacts).toHaveLength(3);
    await directory.settled();
    expect(directory.byNumber('+3225000001')?.name).toBe('New 1');
    expect(directory.size).toBe(3000);
  });

  it('builds for the newest change when changes come during a build, and tells its listeners once', async () => {
    const directory = new ContactDirectory(0);
    let changes = 0;
    directory.onChange(() => changes++);
    directory.setSource('local', people(3000, 'First'));
    directory.setSource('carddav:1', people(10, 'Card', 'carddav:1'));
    directory.setSource('local', people(3000, 'Second'));
    await directory.settled();
    expect(changes).toBe(1);
    expect(directory.byNumber('+3225000001')?.name).toBe('Second 1');
    expect(directory.search('card').contacts).toHaveLength(10);
    expect(directory.sourceIds()).toEqual(['local', 'carddav:1']);
  });

  it('is settled at once when nothing changed since the last build', async () => {
    const directory = new ContactDirectory(0);
    await directory.settled();
    directory.setSources(new Map());
    await directory.settled();
    expect(directory.size).toBe(0);
  });
});
