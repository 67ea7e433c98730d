import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { schemaText } from '../../../scripts/policySchema';
import { applyPolicy } from '../../../src/policy/apply';
import { policyFields } from '../../../src/policy/fields';
import { lockedFields, ownPart, storedPolicyState, unmanaged, withPolicy } from '../../../src/policy/state';

const ownCallerId = {
  defaultOutgoingNumber: '+3225551234',
  incomingNumbers: ['+3225551234', '+442079460958'],
  userOutgoingNumber: 'default',
  advancedRules: [],
  applyRulesToAllUsers: false,
  homeCountry: 'BE',
};

describe('policy: each value checked as the settings form checks it', () => {
  test.each([
    ['websocketUrl', 'wss://pbx.example.com:8089', 'account', 'websocketUrl', 'wss://pbx.example.com:8089'],
    ['websocketUrl', '  wss://pbx.example.com  ', 'account', 'websocketUrl', 'wss://pbx.example.com'],
    ['domain', 'Company.Example.COM', 'account', 'domain', 'company.example.com'],
    ['iceServers', [{ urls: 'stun:stun.example.com:3478' }], 'account', 'iceServers', [{ urls: 'stun:stun.example.com:3478' }]],
    ['username', '101', 'account', 'username', '101'],
    ['homeCountry', 'FR', 'callerId', 'homeCountry', 'FR'],
    [
      'queues',
      [{ name: 'Support', extension: '500', loginCode: '*51', logoutCode: '*52' }],
      'queueSettings',
      'queues',
      [{ name: 'Support', extension: '500', loginCode: '*51', logoutCode: '*52', agent: 'dynamic', callerNamePrefix: '' }],
    ],
    ['queueReminder', { enabled: false }, 'queueSettings', 'reminder', { enabled: false, time: '18:00' }],
    ['clickToCallSites', ['https://crm.example.com'], 'clickToCall', 'sites', ['https://crm.example.com']],
    ['clickToCallAllSites', true, 'clickToCall', 'allSites', true],
    ['declineWith', 603, 'preferences', 'declineWith', 603],
    ['voicemailNumber', '*98', 'preferences', 'voicemailNumber', '*98'],
    ['dispositions', [' Sale ', 'Call back'], 'afterCallSettings', 'dispositions', ['Sale', 'Call back']],
    ['dispositionRequired', true, 'afterCallSettings', 'dispositionRequired', true],
    ['wrapUpSeconds', 45, 'afterCallSettings', 'wrapUpSeconds', 45],
    ['wrapUpAfter', 'all', 'afterCallSettings', 'wrapUpAfter', 'all'],
    ['colleagues', [{ name: 'Bob', extension: '102' }], 'colleagueSettings', 'colleagues', [{ name: 'Bob', extension: '102' }]],
    ['quickCalls', [{ name: 'Hotline', number: '+3225550000' }], 'colleagueSettings', 'quickCalls', [{ name: 'Hotline', number: '+3225550000' }]],
    ['pickupCode', '**', 'colleagueSettings', 'pickupCode', '**'],
    ['screenPop', 'ring', 'screenPopSettings', 'mode', 'ring'],
    ['recordUrlTemplate', ' https://crm.example.com/c?q={e164} ', 'screenPopSettings', 'recordUrlTemplate', 'https://crm.example.com/c?q={e164}'],
    ['screenPopUnknownCallers', true, 'screenPopSettings', 'unknownCallers', true],
    [
      'cardDavSources',
      [
        { url: 'https://dav.example.com', username: 'eva', password: 'secret' },
        { url: 'https://dav2.example.com/', username: 'eva', recordUrlTemplate: 'https://c.example.com/{uid}' },
      ],
      'cardDavSources',
      'sources',
      // The checked policy is kept in storage.local: whether a password is given, never the password.
      [
        { url: 'https://dav.example.com/', username: 'eva', withPassword: true },
        { url: 'https://dav2.example.com/', username: 'eva', recordUrlTemplate: 'https://c.example.com/{uid}', withPassword: false },
      ],
    ],
  ])('%s = %j is applied to %s.%s as %j', (key, value, section, setting, expected) => {
    const state = applyPolicy({ [key]: value }, ownCallerId);
    expect(state.ignored).toEqual([]);
    expect(state.managed).toBe(true);
    expect(state.applied[section as keyof typeof state.applied]).toEqual({ [setting]: expected });
  });

  test.each([
    ['websocketUrl', 'http://pbx.example.com', { code: 'account', error: 'websocket_invalid' }],
    ['websocketUrl', 'ws://pbx.example.com', { code: 'account', error: 'websocket_unencrypted' }],
    ['domain', 'not a domain!', { code: 'account', error: 'domain_invalid' }],
    ['domain', 42, { code: 'account', error: 'domain_required' }],
    ['screenPop', 'always', { code: 'screen_pop', error: { field: 'mode' } }],
    ['recordUrlTemplate', 'https://{name}.example.com/', { code: 'screen_pop', error: { field: 'recordUrlTemplate', problem: 'placeholder_in_origin' } }],
    ['screenPopUnknownCallers', 'yes', { code: 'screen_pop', error: { field: 'unknownCallers' } }],
    ['cardDavSources', [{ url: 'ftp://dav.example.com', username: 'eva' }], { code: 'carddav', error: { code: 'carddav_url', index: 0 } }],
    ['cardDavSources', 'https://dav.example.com', { code: 'carddav', error: { code: 'wrong_type', field: 'cardDavSources' } }],
    ['iceServers', [{ urls: 'http://x' }], { code: 'account', error: 'ice_server_invalid' }],
    ['username', 'a b', { code: 'account', error: 'username_characters' }],
    ['homeCountry', 'XX', { code: 'caller_id', issue: { code: 'home_country_unknown', country: 'XX' } }],
    ['applyRulesToAllUsers', 'yes', { code: 'caller_id', issue: { code: 'field_wrong_type', at: { setting: 'applyRulesToAllUsers' }, expected: 'boolean' } }],
    [
      'queues',
      [{ name: 'Support', extension: '500', loginCode: '*51', logoutCode: '*51' }],
      { code: 'queues', error: { queue: 0, field: 'logoutCode', code: 'same_codes' } },
    ],
    ['queueReminder', { time: '25:00' }, { code: 'queues', error: { queue: null, field: 'reminder', code: 'bad_time' } }],
    ['clickToCallSites', ['crm.example.com'], { code: 'click_to_call' }],
    ['declineWith', 404, { code: 'preferences', error: 'invalid' }],
    ['voicemailNumber', 'abc', { code: 'preferences', error: 'voicemail_characters' }],
    ['password', 'secret', { code: 'unknown_setting' }],
    ['webhookUrl', 'http://crm.example.com/hook', { code: 'after_call', error: 'webhook_not_https' }],
    ['crmLookupUrl', 'https://crm.example.com/lookup', { code: 'crm_lookup', problem: 'no_placeholder' }],
    ['wrapUpSeconds', 601, { code: 'after_call', error: 'wrap_up_range' }],
    ['dispositions', ['Sale', 'sale'], { code: 'after_call', error: 'disposition_duplicate' }],
    [
      'colleagues',
      [{ name: 'Bob', extension: 'not a number' }],
      { code: 'colleagues', error: { list: 'colleagues', index: 0, field: 'extension', code: 'not_dialable' } },
    ],
  ])('%s = %j is ignored: %j', (key, value, reason) => {
    const state = applyPolicy({ [key]: value }, ownCallerId);
    expect(state.ignored).toEqual([{ key, reason }]);
    expect(state.applied).toEqual({});
    expect(state.managed).toBe(true);
  });

  test('a bad value costs only itself: the others of the same section still apply', () => {
    const state = applyPolicy({ websocketUrl: 'http://wrong', domain: 'pbx.example.com', homeCountry: 'XX', incomingNumbers: ['+3225551111'] }, ownCallerId);
    expect(state.applied).toEqual({ account: { domain: 'pbx.example.com' }, callerId: { incomingNumbers: ['+3225551111'] } });
    expect(state.ignored.map((i) => i.key)).toEqual(['homeCountry', 'websocketUrl']);
  });

  test("caller ID values are checked with the agent's own fields they leave out", () => {
    // The rule's number is not among the agent's incoming numbers: the rule cannot apply.
    const rules = [{ prefix: '0033', number: '+33123456789' }];
    expect(applyPolicy({ advancedRules: rules }, ownCallerId).ignored).toEqual([
      { key: 'advancedRules', reason: { code: 'caller_id', issue: expect.objectContaining({ code: 'rule_number_not_incoming', rule: 1 }) } },
    ]);
    // With the policy's incoming numbers it can; national numbers are read in the policy's country.
    const state = applyPolicy({ advancedRules: rules, incomingNumbers: ['01 23 45 67 89'], homeCountry: 'FR', defaultOutgoingNumber: '0123456789' }, null);
    expect(state.ignored).toEqual([]);
    expect(state.applied.callerId).toEqual({
      advancedRules: rules,
      incomingNumbers: ['+33123456789'],
      homeCountry: 'FR',
      defaultOutgoingNumber: '+33123456789',
    });
  });

  test('a wrong home country is ignored first, so the national numbers that depend on it are not blamed', () => {
    const state = applyPolicy({ homeCountry: 'XX', incomingNumbers: ['02 555 12 34'] }, ownCallerId);
    expect(state.ignored.map((i) => i.key)).toEqual(['homeCountry']);
    expect(state.applied.callerId).toEqual({ incomingNumbers: ['+3225551234'] });
  });

  test('no policy, or an empty one, is not managed', () => {
    expect(applyPolicy(undefined, null)).toEqual(unmanaged);
    expect(applyPolicy({}, null)).toEqual(unmanaged);
    expect(applyPolicy([1, 2], null)).toEqual(unmanaged);
  });
});

describe('policy over the agent own settings', () => {
  const own = {
    username: '101',
    password: 'p',
    domain: 'own.example.com',
    websocketUrl: 'wss://own.example.com',
    displayName: 'Alice',
    iceServers: [],
    enabled: true,
  };

  test('policy wins for the fields it sets; the others stay the agent own', () => {
    const state = applyPolicy({ domain: 'pbx.example.com' }, null);
    expect(withPolicy('account', own, state)).toEqual({ ...own, domain: 'pbx.example.com' });
    expect(withPolicy('account', null, state)).toEqual({ domain: 'pbx.example.com' });
    expect(withPolicy('account', own, unmanaged)).toBe(own);
    expect(lockedFields(state, 'account')).toEqual(new Set(['domain']));
  });

  test('what is saved keeps the agent own value of every locked field, or none', () => {
    const state = applyPolicy({ domain: 'pbx.example.com', websocketUrl: 'wss://pbx.example.com' }, null);
    const saved = { ...own, domain: 'pbx.example.com', websocketUrl: 'wss://pbx.example.com', username: '102' };
    expect(ownPart('account', saved, { domain: 'own.example.com' }, state)).toEqual({ ...own, username: '102', websocketUrl: undefined });
    expect(ownPart('account', saved, { domain: 'own.example.com' }, state)).not.toHaveProperty('websocketUrl');
  });

  test('the stored state reads back; damaged reads as no policy', () => {
    const state = applyPolicy({ domain: 'pbx.example.com', voicemailNumber: 'x' }, null);
    expect(storedPolicyState(JSON.parse(JSON.stringify(state)))).toEqual(state);
    expect(storedPolicyState({ managed: 'yes' })).toEqual(unmanaged);
    expect(storedPolicyState(undefined)).toEqual(unmanaged);
  });
});

describe('policy: any JSON', () => {
  const anyPolicy = fc.dictionary(fc.oneof(fc.constantFrom(...policyFields.map((f) => f.key)), fc.string()), fc.jsonValue());

  test('never throws; every key present is applied or ignored, never both, never lost', () => {
    fc.assert(
      fc.property(anyPolicy, fc.option(fc.constant(ownCallerId)), (policy, own) => {
        const state = applyPolicy(policy, own);
        const applied = policyFields.filter((f) => state.applied[f.section]?.[f.setting] !== undefined).map((f) => f.key);
        const ignored = state.ignored.map((i) => i.key);
        const present = Object.keys(policy).filter((k) => policy[k] !== null && policy[k] !== undefined);
        expect(new Set([...applied, ...ignored])).toEqual(new Set(present));
        expect(applied.filter((k) => ignored.includes(k))).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  test('adding bad values to a policy never changes what its good values apply', () => {
    const good = { domain: 'pbx.example.com', queueReminder: { enabled: false, time: '17:00' }, callWaiting: false };
    fc.assert(
      fc.property(fc.dictionary(fc.constantFrom('websocketUrl', 'iceServers', 'voicemailNumber', 'clickToCallSites', 'unknown'), fc.jsonValue()), (noise) => {
        const bad = Object.fromEntries(Object.entries(noise).filter(([key, value]) => applyPolicy({ [key]: value }, null).ignored.length > 0));
        const state = applyPolicy({ ...bad, ...good }, null);
        expect(state.applied.account?.domain).toBe('pbx.example.com');
        expect(state.applied.queueSettings).toEqual({ reminder: { enabled: false, time: '17:00' } });
        expect(state.applied.preferences).toEqual({ callWaiting: false });
        expect(state.ignored.map((i) => i.key).sort()).toEqual(Object.keys(bad).sort());
      }),
      { numRuns: 200 },
    );
  });

  test("the agent's own settings are never wiped: a policy only overlays, whatever it holds", () => {
    const own = {
      username: '101',
      password: 'p',
      domain: 'own.example.com',
      websocketUrl: 'wss://own.example.com',
      displayName: '',
      iceServers: [],
      enabled: true,
    };
    fc.assert(
      fc.property(anyPolicy, (policy) => {
        const merged = withPolicy('account', own, applyPolicy(policy, null)) as Record<string, unknown>;
        for (const [field, value] of Object.entries(own))
          expect(merged[field] === value || policyFields.some((f) => f.setting === field && f.key in policy)).toBe(true);
        expect(merged.password).toBe('p');
      }),
      { numRuns: 200 },
    );
  });
});

describe('the managed schema', () => {
  test('public/managed_schema.json is made from the list of policy fields (npm run policy-schema)', () => {
    expect(readFileSync(new URL('../../../public/managed_schema.json', import.meta.url), 'utf8')).toBe(schemaText());
  });

  test('the manifest names it, and every policy name is unique', () => {
    const manifest = JSON.parse(readFileSync(new URL('../../../manifest.json', import.meta.url), 'utf8'));
    expect(manifest.storage.managed_schema).toBe('managed_schema.json');
    expect(new Set(policyFields.map((f) => f.key)).size).toBe(policyFields.length);
  });
});
