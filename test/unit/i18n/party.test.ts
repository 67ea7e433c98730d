import { describe, expect, test } from 'vitest';
import type { CallSnapshot } from '../../../src/calls/snapshot';
import type { CallContact } from '../../../src/contacts/callContact';
import { partyName, partyNumber, sentName } from '../../../src/i18n/party';

type Party = Pick<CallSnapshot, 'contact' | 'remoteName' | 'remoteNumber'>;

const contact: CallContact = { name: 'Ann Peeters', company: 'Acme', number: '+32 2 555 01 02', label: 'work', sourceId: 'local', contactId: 'c1' };
const spoofed: Party = { contact: null, remoteName: 'Police · +32 2 555 01 99', remoteNumber: '+3225550102' };

describe('naming the other party', () => {
  test.each<[string, Party, string, string, string | null]>([
    ['a caller who sent a name', spoofed, 'Police · +32 2 555 01 99', '+3225550102', 'Police · +32 2 555 01 99'],
    ['a caller who sent none', { contact: null, remoteName: null, remoteNumber: '102' }, '102', '102', null],
    ['a contact of the agent', { ...spoofed, contact }, 'Ann Peeters', 'Ann Peeters · Acme · +32 2 555 01 02', null],
    ['a caller with no number', { contact: null, remoteName: 'Reception', remoteNumber: '' }, 'Reception', 'Reception', null],
  ])('%s', (_, party, name, numberLine, apart) => {
    expect(partyName(party)).toBe(name);
    expect(partyNumber(party)).toBe(numberLine);
    expect(sentName(party)).toBe(apart);
  });

  test('the line that shows no number of its own never carries a name the far end chose', () => {
    expect(partyNumber(spoofed)).not.toContain('Police');
  });
});
