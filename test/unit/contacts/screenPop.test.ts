import { describe, expect, it } from 'vitest';
import { newCall } from '../../../src/calls/callState';
import { recordsToOpen } from '../../../src/contacts/screenPop';

const contact = { name: 'Eva', company: '', number: '+32', label: 'other' as const, sourceId: 'crm', contactId: '+32', recordUrl: 'https://crm.example.com/1' };
const ringing = { ...newCall('a', 'incoming', '+32', null, 0), contact };
const answered = { ...ringing, state: 'active' as const, answeredAt: 5 };
const outgoing = { ...newCall('b', 'outgoing', '+32', null, 0), contact, answeredAt: 5 };

describe('recordsToOpen', () => {
  it.each([
    ['off', [answered], [], []],
    ['ring', [ringing], [], ['a']],
    ['ring', [answered], [], ['a']],
    ['answer', [ringing], [], []],
    ['answer', [answered], [], ['a']],
    ['answer', [answered], ['a'], []],
    ['ring', [{ ...ringing, contact: { ...contact, recordUrl: undefined } }], [], []],
    ['answer', [outgoing], [], []],
  ] as const)('%s, %j opened before: opens %j', (mode, calls, opened, expected) => {
    expect(recordsToOpen(calls, mode, new Set(opened)).map((r) => r.callId)).toEqual(expected);
  });
});
