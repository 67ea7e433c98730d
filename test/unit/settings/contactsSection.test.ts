import fc from 'fast-check';
import { describe, expect, it, test } from 'vitest';
import type { PolicyState } from '../../../src/policy/state';
import {
  buildConfigurationFile,
  describeImport,
  importUnderPolicy,
  managedSettings,
  mergeCardDavSources,
  parseConfigurationFile,
} from '../../../src/settings/configurationFile';
import { type ContactsFileSettings, contactsOriginsNeeded, parseContactsSection } from '../../../src/settings/contactsSection';

const contacts: ContactsFileSettings = {
  cardDavSources: [{ url: 'https://dav.example.com/', username: 'eva', recordUrlTemplate: 'https://crm.example.com/c/{uid}', password: 'dav-secret' }],
  crmLookupUrl: 'https://crm.example.com/lookup?number={e164}',
  screenPop: 'ring',
  recordUrlTemplate: 'https://crm.example.com/find?q={e164}',
  unknownCallers: true,
};

describe('the settings file’s contacts section', () => {
  test('export leaves the CardDAV passwords out unless asked, and the export imports as it was', () => {
    const without = buildConfigurationFile({ callerId: null, account: null, queues: null, contacts }, false);
    expect(without.contacts?.cardDavSources).toEqual([
      { url: 'https://dav.example.com/', username: 'eva', recordUrlTemplate: 'https://crm.example.com/c/{uid}' },
    ]);
    const withPasswords = buildConfigurationFile({ callerId: null, account: null, queues: null, contacts }, true);
    expect(withPasswords.contacts).toEqual(contacts);
    const parsed = parseConfigurationFile(JSON.stringify(withPasswords), null);
    expect(parsed.ok && parsed.value.contacts).toEqual(contacts);
  });

  it.each([
    [{ screenPop: 'always' }, [{ code: 'wrong_type', field: 'screenPop' }]],
    [{ colour: 'red' }, [{ code: 'unknown_field', field: 'colour' }]],
    [{ recordUrlTemplate: 'https://{name}.example.com/' }, [{ code: 'record_template', problem: 'placeholder_in_origin' }]],
    [{ crmLookupUrl: 'http://crm.example.com/?n={e164}' }, [{ code: 'crm_lookup_url', problem: 'not_https' }]],
    [{ unknownCallers: 'yes' }, [{ code: 'wrong_type', field: 'unknownCallers' }]],
    [{ cardDavSources: [{ url: 'ftp://dav.example.com/', username: 'eva' }] }, [{ code: 'carddav_url', index: 0 }]],
    [{ cardDavSources: [{ url: 'https://dav.example.com/', username: ' ' }] }, [{ code: 'carddav_username', index: 0 }]],
    [
      {
        cardDavSources: [
          { url: 'https://dav.example.com/', username: 'eva' },
          { url: 'https://dav.example.com', username: 'eva' },
        ],
      },
      [{ code: 'carddav_duplicate', index: 1 }],
    ],
    [
      { cardDavSources: [{ url: 'https://dav.example.com/', username: 'eva', recordUrlTemplate: 'https://x.example.com/' }] },
      [{ code: 'carddav_record_template', index: 0, problem: 'no_placeholder' }],
    ],
    [{ cardDavSources: [{ url: 'https://dav.example.com/', username: 'eva', token: 'x' }] }, [{ code: 'unknown_field', field: 'cardDavSources.0.token' }]],
    ['ring', [{ code: 'not_an_object' }]],
  ])('%j is refused: %j', (section, errors) => {
    expect(parseContactsSection(section)).toEqual({ ok: false, errors });
    // One wrong field refuses the whole file.
    const file = parseConfigurationFile({ version: 1, contacts: section, colleagues: { colleagues: [], quickCalls: [], pickupCode: '' } }, null);
    expect(file.ok).toBe(false);
  });

  test('only the fields the file has are taken; empty strings clear', () => {
    expect(parseContactsSection({ screenPop: 'answer', crmLookupUrl: '  ' })).toEqual({ ok: true, value: { screenPop: 'answer', crmLookupUrl: '' } });
  });

  test('a contacts section alone is a settings file', () => {
    expect(parseConfigurationFile({ version: 1, contacts: { screenPop: 'off' } }, null)).toEqual({
      ok: true,
      value: { contacts: { screenPop: 'off' } },
      warnings: [],
    });
  });

  test('the sites an import needs: each CardDAV server and the lookup URL', () => {
    expect(contactsOriginsNeeded(contacts)).toEqual(['https://dav.example.com/*', 'https://crm.example.com/*']);
    expect(contactsOriginsNeeded({ screenPop: 'ring', recordUrlTemplate: 'https://crm.example.com/{e164}' })).toEqual([]);
  });

  test('never throws, whatever the section', () => {
    fc.assert(fc.property(fc.anything(), (input) => typeof parseContactsSection(input).ok === 'boolean'));
  });
});

describe('CardDAV address books on import', () => {
  const eva = { url: 'https://dav.example.com/', username: 'eva' };
  const bob = { url: 'https://dav.example.com/', username: 'bob' };
  it.each([
    ['a new one is added', [eva], [bob], [eva, bob]],
    ['none is removed', [eva, bob], [], [eva, bob]],
    [
      'one there already takes the file’s template',
      [eva],
      [{ ...eva, url: 'https://dav.example.com', recordUrlTemplate: 'https://c.example.com/{uid}' }],
      [{ ...eva, recordUrlTemplate: 'https://c.example.com/{uid}' }],
    ],
    ['and loses its own when the file has none', [{ ...eva, recordUrlTemplate: 'https://c.example.com/{uid}' }], [eva], [eva]],
  ])('%s', (_, current, imported, expected) => {
    expect(mergeCardDavSources(current, imported)).toEqual(expected);
  });

  test('the preview lists the address books as they will be, never a password', () => {
    const changes = describeImport(
      {
        callerId: null,
        account: null,
        queues: null,
        contacts: { cardDavSources: [eva], crmLookupUrl: '', screenPop: 'off', recordUrlTemplate: '', unknownCallers: false },
      },
      { contacts: { cardDavSources: [{ ...bob, password: 'secret' }], screenPop: 'ring' } },
    );
    expect(changes).toEqual([
      {
        section: 'contacts',
        field: 'cardDavSources',
        before: 'eva · https://dav.example.com/',
        after: 'eva · https://dav.example.com/; bob · https://dav.example.com/',
      },
      { section: 'contacts', field: 'screenPop', before: 'off', after: 'ring' },
    ]);
    expect(JSON.stringify(changes)).not.toContain('secret');
  });
});

describe('the contacts section under an administrator policy', () => {
  const policy: PolicyState = {
    managed: true,
    applied: { screenPopSettings: { mode: 'answer', recordUrlTemplate: 'https://crm.example.com/p/{e164}' } },
    ignored: [],
  };

  test('the export marks the screen-pop settings and address books the policy sets', () => {
    expect(managedSettings(policy)).toEqual(['contacts.screenPop', 'contacts.recordUrlTemplate']);
    const withSources: PolicyState = {
      ...policy,
      applied: { ...policy.applied, cardDavSources: { sources: [{ url: 'https://dav.example.com/', username: 'eva', withPassword: false }] } },
    };
    expect(managedSettings(withSources)).toEqual(['contacts.screenPop', 'contacts.recordUrlTemplate', 'contacts.cardDavSources']);
  });

  test('an import leaves them to the policy and names each it would have changed', () => {
    const { value, warnings } = importUnderPolicy(
      { contacts: { screenPop: 'ring', recordUrlTemplate: 'https://crm.example.com/p/{e164}', unknownCallers: true } },
      policy,
    );
    expect(value.contacts).toEqual({ unknownCallers: true });
    expect(warnings).toEqual([{ code: 'managed_by_policy', setting: 'contacts.screenPop' }]);
  });
});
