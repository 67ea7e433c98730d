import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import {
  buildConfigurationFile,
  type ConfigurationFileIssue,
  describeImport,
  importUnderPolicy,
  managedSettings,
  movesAccount,
  parseConfigurationFile,
} from '../../../src/settings/configurationFile';

const callerId = {
  defaultOutgoingNumber: '+3225551234',
  incomingNumbers: ['+3225551234', '+442079460958'],
  userOutgoingNumber: 'default',
  advancedRules: [{ prefix: '0044', number: '+442079460958' }],
  applyRulesToAllUsers: false,
  homeCountry: 'BE',
};
const account = {
  username: '101',
  password: 'secret',
  domain: 'company.axivox.com',
  websocketUrl: 'wss://pabx.axivox.com:3443',
  displayName: 'Alice',
  iceServers: [],
  enabled: true,
};
const queues = {
  queues: [{ name: 'Support', extension: '500', loginCode: '*51', logoutCode: '*52', agent: 'dynamic' as const, callerNamePrefix: '' }],
  reminder: { enabled: true, time: '18:00' },
};

describe('settings file', () => {
  test('export leaves the password out unless asked, and an import of the export gives the same settings', () => {
    const file = buildConfigurationFile({ callerId, account, queues }, false);
    expect(file.account).not.toHaveProperty('password');
    const parsed = parseConfigurationFile(JSON.stringify(file), { ...account, password: 'stored-secret' });
    expect(parsed).toMatchObject({ ok: true, value: { callerId, account: { ...account, password: 'stored-secret' }, queues } });
    expect(buildConfigurationFile({ callerId: null, account, queues: null }, true).account?.password).toBe('secret');
  });

  test('one bad section refuses the whole file, with the reason', () => {
    const file = { version: 1, callerId: { ...callerId, advancedRules: [{ prefix: '44x', number: '+442079460958' }] }, queues };
    const parsed = parseConfigurationFile(file, null);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.errors).toEqual([{ code: 'caller_id', issue: { code: 'rule_prefix_not_digits', rule: 1, prefix: '44x' } }]);
  });

  test.each<[unknown, ConfigurationFileIssue]>([
    ['not json', { code: 'not_json' }],
    [[], { code: 'not_an_object' }],
    [
      { version: 2, callerId },
      { code: 'unknown_version', version: '2', expected: 1 },
    ],
    [
      { version: 1, extras: {} },
      { code: 'unknown_section', section: 'extras' },
    ],
    [{ version: 1 }, { code: 'no_settings' }],
    [{ version: 1, account: { ...account, password: undefined } }, { code: 'account_without_password' }],
    [
      { version: 1, account: { ...account, username: '' } },
      { code: 'account', error: { field: 'username', code: 'username_required' } },
    ],
  ])('%j is refused: %j', (input, issue) => {
    const parsed = parseConfigurationFile(input, null);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.errors).toContainEqual(issue);
  });

  test('never throws on any input', () => {
    fc.assert(fc.property(fc.jsonValue(), (input) => typeof parseConfigurationFile(input, null).ok === 'boolean'));
    fc.assert(fc.property(fc.string(), (input) => typeof parseConfigurationFile(input, account).ok === 'boolean'));
  });
});

describe('a settings file without the password', () => {
  const stored = { ...account, password: 'stored-secret' };
  const { password: _, ...withoutPassword } = account;

  test('keeps the stored password for the same user, domain and server, however the file writes them', () => {
    const file = {
      version: 1,
      account: { ...withoutPassword, domain: ' COMPANY.axivox.com ', websocketUrl: 'wss://pabx.axivox.com:3443 ', displayName: 'Alice M.' },
    };
    expect(parseConfigurationFile(file, stored)).toMatchObject({
      ok: true,
      value: { account: { ...account, displayName: 'Alice M.', password: 'stored-secret' } },
    });
  });

  test.each([
    ['another server', { websocketUrl: 'wss://attacker.example.net' }],
    ['another domain', { domain: 'attacker.example.net' }],
    ['another user', { username: '999' }],
  ])('never hands the stored password to %s: the whole file is refused', (_, change) => {
    const parsed = parseConfigurationFile({ version: 1, account: { ...withoutPassword, ...change }, queues }, stored);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.errors).toEqual([{ code: 'account_moved_without_password' }]);
  });

  test('a file with its own password may move the account: the preview says so', () => {
    const file = { version: 1, account: { ...account, websocketUrl: 'wss://other.example.net', password: 'new-secret' } };
    const parsed = parseConfigurationFile(file, stored);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    const changes = describeImport({ callerId: null, account: stored, queues: null }, parsed.value);
    expect(changes).toEqual([
      { section: 'account', field: 'websocketUrl', before: 'wss://pabx.axivox.com:3443', after: 'wss://other.example.net' },
      { section: 'account', field: 'password', before: '', after: '' },
    ]);
    expect(movesAccount(changes)).toBe(true);
  });
});

describe('what an import would change', () => {
  test('only what differs, section by section, credentials never shown', () => {
    const current = { callerId, account: { ...account, iceServers: [{ urls: 'stun:stun.example.com' }] }, queues };
    const imported = {
      account: { ...account, displayName: 'Bob', iceServers: [{ urls: 'turn:turn.example.com', username: 'u', credential: 'turn-secret' }] },
      callerId: { ...callerId, homeCountry: 'FR' },
      queues: {
        ...queues,
        queues: [
          ...queues.queues,
          { name: 'Sales', extension: '501', loginCode: '*61', logoutCode: '*62', agent: 'static' as const, callerNamePrefix: '[Sales]' },
        ],
      },
    };
    const changes = describeImport(current, imported);
    expect(changes).toEqual([
      { section: 'account', field: 'displayName', before: 'Alice', after: 'Bob' },
      { section: 'account', field: 'iceServers', before: 'stun:stun.example.com', after: 'turn:turn.example.com (with credentials)' },
      { section: 'callerId', field: 'homeCountry', before: 'BE', after: 'FR' },
      {
        section: 'queues',
        field: 'queues',
        before: 'Support (500, *51/*52, dynamic)',
        after: 'Support (500, *51/*52, dynamic); Sales (501, *61/*62, static, name prefix [Sales])',
      },
    ]);
    expect(JSON.stringify(changes)).not.toContain('secret');
    expect(movesAccount(changes)).toBe(false);
    expect(describeImport(current, { callerId })).toEqual([]);
  });

  test('settings not stored yet show as empty before', () => {
    expect(describeImport({ callerId: null, account: null, queues: null }, { queues })).toEqual([
      { section: 'queues', field: 'queues', before: '', after: 'Support (500, *51/*52, dynamic)' },
      { section: 'queues', field: 'reminder', before: '', after: '18:00' },
    ]);
  });
});

describe('settings file under an administrator policy', () => {
  const policy = { managed: true, applied: { account: { domain: 'managed.example.com' }, callerId: { homeCountry: 'FR' } }, ignored: [] };

  test('the export marks the settings that came from policy', () => {
    expect(managedSettings(policy)).toEqual(['account.domain', 'callerId.homeCountry']);
    expect(buildConfigurationFile({ callerId, account, queues }, false, managedSettings(policy)).managedByPolicy).toEqual([
      'account.domain',
      'callerId.homeCountry',
    ]);
    expect(buildConfigurationFile({ callerId, account, queues }, false)).not.toHaveProperty('managedByPolicy');
  });

  test('the webhook, the colleagues, and the CRM lookup URL set by policy are marked too, and named when a file would change them', () => {
    const urls = {
      managed: true,
      applied: {
        afterCallSettings: { webhookUrl: 'https://crm.example.com/hook' },
        colleagueSettings: { pickupCode: '*8' },
        crmLookup: { urlTemplate: 'https://crm.example.com/lookup?n={e164}' },
      },
      ignored: [],
    };
    expect(managedSettings(urls)).toEqual(['afterCall.webhookUrl', 'colleagues.pickupCode', 'contacts.crmLookupUrl']);
    const afterCall = {
      dispositions: ['Sale'],
      dispositionRequired: false,
      wrapUpSeconds: 0,
      wrapUpAfter: 'queue' as const,
      webhookUrl: 'https://elsewhere.example.com/hook',
    };
    const { value, warnings } = importUnderPolicy({ afterCall, contacts: { crmLookupUrl: 'https://elsewhere.example.com/?n={e164}' } }, urls);
    expect(warnings).toEqual([
      { code: 'managed_by_policy', setting: 'afterCall.webhookUrl' },
      { code: 'managed_by_policy', setting: 'contacts.crmLookupUrl' },
    ]);
    // Stored as the agent's own, not in effect while the policy sets it; the policy's lookup URL is never replaced by the file's.
    expect(value.afterCall).toEqual(afterCall);
    expect(value.contacts).not.toHaveProperty('crmLookupUrl');
    expect(importUnderPolicy({ afterCall: { ...afterCall, webhookUrl: 'https://crm.example.com/hook' } }, urls).warnings).toEqual([]);
  });

  test('an import cannot override them: the policy wins, and each the file would change is named', () => {
    const file = { ...buildConfigurationFile({ callerId, account, queues }, true, managedSettings(policy)) };
    const parsed = parseConfigurationFile(JSON.stringify(file), null);
    if (!parsed.ok) throw new Error('the export does not read back');
    const { value, warnings } = importUnderPolicy(parsed.value, policy);
    expect(value.account?.domain).toBe('managed.example.com');
    expect(value.callerId?.homeCountry).toBe('FR');
    expect(value.queues).toEqual(queues);
    expect(warnings).toEqual([
      { code: 'managed_by_policy', setting: 'account.domain' },
      { code: 'managed_by_policy', setting: 'callerId.homeCountry' },
    ]);
    expect(describeImport({ callerId: null, account: { ...account, domain: 'managed.example.com' }, queues: null }, value).map((c) => c.field)).not.toContain(
      'domain',
    );
  });
});
