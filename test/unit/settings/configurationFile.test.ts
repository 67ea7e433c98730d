import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { buildConfigurationFile, parseConfigurationFile } from '../../../src/settings/configurationFile';

const callerId = {
  defaultOutgoingNumber: '+3225551234',
  incomingNumbers: ['+3225551234', '+442079460958'],
  userOutgoingNumber: 'default',
  advancedRules: [{ prefix: '0044', number: '+442079460958' }],
  applyRulesToAllUsers: false,
  homeCountry: 'BE',
};
const account = { username: '101', password: 'secret', domain: 'company.axivox.com', websocketUrl: 'wss://pabx.axivox.com:3443', displayName: 'Alice', iceServers: [], enabled: true };
const queues = { queues: [{ name: 'Support', extension: '500', loginCode: '*51', logoutCode: '*52', agent: 'dynamic' as const, callerNamePrefix: '' }], reminder: { enabled: true, time: '18:00' } };

describe('settings file', () => {
  test('export leaves the password out unless asked, and an import of the export gives the same settings', () => {
    const file = buildConfigurationFile({ callerId, account, queues }, false);
    expect(file.account).not.toHaveProperty('password');
    const parsed = parseConfigurationFile(JSON.stringify(file), 'stored-secret');
    expect(parsed).toMatchObject({ ok: true, value: { callerId, account: { ...account, password: 'stored-secret' }, queues } });
    expect(buildConfigurationFile({ callerId: null, account, queues: null }, true).account?.password).toBe('secret');
  });

  test('one bad section refuses the whole file, with the reason', () => {
    const file = { version: 1, callerId: { ...callerId, advancedRules: [{ prefix: '44x', number: '+442079460958' }] }, queues };
    const parsed = parseConfigurationFile(file, null);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.errors.join(' ')).toMatch(/^Caller ID: /);
  });

  test.each([
    ['not json', 'The file is not JSON'],
    [[], 'The file must hold a JSON object'],
    [{ version: 2, callerId }, 'Unknown file version 2'],
    [{ version: 1, extras: {} }, '"extras" is not a known section'],
    [{ version: 1 }, 'The file holds no settings'],
    [{ version: 1, account: { ...account, password: undefined } }, 'no SIP password'],
  ])('%j is refused: %s', (input, message) => {
    const parsed = parseConfigurationFile(input, null);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.errors.join(' ')).toContain(message);
  });

  test('never throws on any input', () => {
    fc.assert(fc.property(fc.jsonValue(), (input) => typeof parseConfigurationFile(input, null).ok === 'boolean'));
    fc.assert(fc.property(fc.string(), (input) => typeof parseConfigurationFile(input, 'x').ok === 'boolean'));
  });
});
