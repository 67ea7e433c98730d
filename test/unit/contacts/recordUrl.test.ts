import { describe, expect, it } from 'vitest';
import { newCall } from '../../../src/calls/callState';
import type { CallSnapshot } from '../../../src/calls/snapshot';
import type { CallContact } from '../../../src/contacts/callContact';
import { type RecordUrlContext, recordUrlOf, sourceTemplatesOf } from '../../../src/contacts/recordUrl';

const contact = (sourceId: string, extra: Partial<CallContact> = {}): CallContact => ({
  name: 'Eva Lind',
  company: '',
  number: '02 555 11 11',
  label: 'work',
  sourceId,
  contactId: 'uid-1',
  ...extra,
});
const call = (remoteNumber: string, found: CallContact | null): CallSnapshot => ({ ...newCall('a', 'incoming', remoteNumber, null, 0), contact: found });

const context = (settings: Partial<RecordUrlContext['settings']> = {}, sourceTemplates: Record<string, string> = {}): RecordUrlContext => ({
  settings: { recordUrlTemplate: 'https://crm.example.com/find?q={e164}&n={name}', unknownCallers: false, ...settings },
  sourceTemplates,
  homeCountry: 'BE',
});

describe('recordUrlOf', () => {
  it.each([
    [
      'the CRM lookup’s own url wins',
      call('025551111', contact('crm', { recordUrl: 'https://crm.example.com/r/9' })),
      context(),
      'https://crm.example.com/r/9',
    ],
    ['a local contact: the global template', call('025551111', contact('local')), context(), 'https://crm.example.com/find?q=%2B3225551111&n=Eva%20Lind'],
    [
      'a CardDAV contact: its source’s template, with the card’s UID',
      call('025551111', contact('carddav:s1')),
      context({}, { 'carddav:s1': 'https://dav.example.com/card/{uid}' }),
      'https://dav.example.com/card/uid-1',
    ],
    [
      'another source’s template does not apply',
      call('025551111', contact('carddav:s2')),
      context({}, { 'carddav:s1': 'https://dav.example.com/card/{uid}' }),
      'https://crm.example.com/find?q=%2B3225551111&n=Eva%20Lind',
    ],
    ['{uid} is only a CardDAV card’s', call('025551111', contact('local')), context({ recordUrlTemplate: 'https://crm.example.com/c/{uid}' }), null],
    ['no template: nothing', call('025551111', contact('local')), context({ recordUrlTemplate: '' }), null],
    ['an unknown caller, box not ticked: nothing', call('025551111', null), context({ recordUrlTemplate: 'https://crm.example.com/find?q={e164}' }), null],
    [
      'an unknown caller, box ticked: the number filled in',
      call('025551111', null),
      context({ recordUrlTemplate: 'https://crm.example.com/find?q={e164}&raw={number}', unknownCallers: true }),
      'https://crm.example.com/find?q=%2B3225551111&raw=025551111',
    ],
    ['an unknown caller has no name to fill in', call('025551111', null), context({ unknownCallers: true }), null],
    [
      'an extension has no E.164 number',
      call('103', null),
      context({ recordUrlTemplate: 'https://crm.example.com/find?q={e164}', unknownCallers: true }),
      null,
    ],
    [
      'an extension by its number as received',
      call('103', null),
      context({ recordUrlTemplate: 'https://crm.example.com/find?q={number}', unknownCallers: true }),
      'https://crm.example.com/find?q=103',
    ],
    ['an anonymous caller: nothing', call('', null), context({ recordUrlTemplate: 'https://crm.example.com/find?q={number}', unknownCallers: true }), null],
  ] as const)('%s', (_, theCall, theContext, expected) => {
    expect(recordUrlOf(theCall, theContext)).toBe(expected);
  });

  it('a service call (voicemail, queue login) opens no record', () => {
    const service = { ...call('*98', null), purpose: 'service-code' as const };
    expect(recordUrlOf(service, context({ recordUrlTemplate: 'https://crm.example.com/find?q={number}', unknownCallers: true }))).toBeNull();
  });
});

describe('sourceTemplatesOf', () => {
  it('keys each source’s own template by the id its contacts carry', () => {
    const source = { id: 's1', url: 'https://dav.example.com/', username: 'eva', passwordKey: 'k', addressBooks: [] };
    expect(
      sourceTemplatesOf([
        { ...source, recordUrlTemplate: 'https://x.example.com/{uid}' },
        { ...source, id: 's2' },
      ]),
    ).toEqual({
      'carddav:s1': 'https://x.example.com/{uid}',
    });
  });
});
