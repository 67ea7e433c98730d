import { describe, expect, it } from 'vitest';
import { newCall } from '../../../src/calls/callState';
import { crmWaitLeft, defaultScreenPopSettings, parseScreenPopSettings, recordsToOpen, storedScreenPopSettings } from '../../../src/contacts/screenPop';

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

describe('recordsToOpen with the record URL of each call', () => {
  const unknown = { ...newCall('u', 'incoming', '+3225559999', null, 0) };
  const urlOf = (call: { id: string }) => (call.id === 'u' ? 'https://crm.example.com/find?q=%2B3225559999' : null);
  it.each([
    ['ring', [unknown], [], ['u']],
    ['answer', [unknown], [], []],
    ['answer', [{ ...unknown, state: 'active' as const, answeredAt: 5 }], [], ['u']],
    ['ring', [unknown], ['u'], []],
    ['off', [unknown], [], []],
  ] as const)('%s, %j opened before: opens %j', (mode, calls, opened, expected) => {
    expect(recordsToOpen(calls, mode, new Set(opened), urlOf).map((r) => r.url)).toEqual(expected.map(() => urlOf({ id: 'u' })));
  });
});

describe('screen-pop settings', () => {
  it.each([
    [{}, { ok: true, value: defaultScreenPopSettings }],
    [
      { mode: 'ring', recordUrlTemplate: ' https://crm.example.com/c/{uid} ', unknownCallers: true },
      { ok: true, value: { mode: 'ring', recordUrlTemplate: 'https://crm.example.com/c/{uid}', unknownCallers: true } },
    ],
    [{ mode: 'always' }, { ok: false, errors: [{ field: 'mode' }] }],
    [{ recordUrlTemplate: 'https://{name}.example.com/' }, { ok: false, errors: [{ field: 'recordUrlTemplate', problem: 'placeholder_in_origin' }] }],
    [
      { recordUrlTemplate: 42, unknownCallers: 'yes' },
      { ok: false, errors: [{ field: 'recordUrlTemplate', problem: 'not_a_url' }, { field: 'unknownCallers' }] },
    ],
  ])('%j', (input, expected) => {
    expect(parseScreenPopSettings(input)).toEqual(expected);
  });

  it('a damaged stored field falls back alone', () => {
    expect(storedScreenPopSettings({ mode: 'ring', recordUrlTemplate: 7, unknownCallers: true })).toEqual({
      mode: 'ring',
      recordUrlTemplate: '',
      unknownCallers: true,
    });
    expect(storedScreenPopSettings('garbage')).toEqual(defaultScreenPopSettings);
  });
});

describe('an unknown caller waits for the CRM lookup', () => {
  const unknown = newCall('u', 'incoming', '+3225559999', null, 1000);
  const named = { ...unknown, contact: { name: 'Eva', company: '', number: '+32', label: 'other' as const, sourceId: 'crm', contactId: '+32' } };
  it.each([
    ['no lookup configured', unknown, false, 1000, 0],
    ['just rung', unknown, true, 1000, 1500],
    ['half-way', unknown, true, 1800, 700],
    ['past the time-out', unknown, true, 2600, 0],
    ['already named', named, true, 1000, 0],
  ] as const)('%s', (_, call, configured, now, expected) => {
    expect(crmWaitLeft(call, configured, 1500, now)).toBe(expected);
  });
});
