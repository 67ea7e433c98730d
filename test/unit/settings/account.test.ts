import { describe, expect, test } from 'vitest';
import {
  type AccountSettings,
  accountChange,
  formatIceServerLines,
  isPrivateTestHost,
  isUnencryptedWebSocket,
  parseAccountSettings,
  parseIceServerLines,
} from '../../../src/settings';

const valid = {
  username: '101',
  password: 'secret',
  domain: 'Company.Axivox.com',
  websocketUrl: ' wss://pabx.axivox.com:3443 ',
  displayName: 'Alice',
  iceServers: [],
  enabled: true,
};

describe('parseAccountSettings', () => {
  test('accepts and normalises a valid account', () => {
    const result = parseAccountSettings(valid);
    expect(result).toEqual({ ok: true, value: { ...valid, domain: 'company.axivox.com', websocketUrl: 'wss://pabx.axivox.com:3443' } });
  });

  test('fills optional fields with defaults', () => {
    const result = parseAccountSettings({ username: '101', password: 'x', domain: 'pbx.test', websocketUrl: 'ws://127.0.0.1:8080' });
    expect(result.ok && result.value).toMatchObject({ displayName: '', iceServers: [], enabled: true });
  });

  test.each([
    [{ username: '' }, 'username', 'username_required'],
    [{ username: 'a b' }, 'username', 'username_characters'],
    [{ password: '' }, 'password', 'password_required'],
    [{ domain: 'not a domain' }, 'domain', 'domain_invalid'],
    [{ websocketUrl: 'https://pabx.axivox.com' }, 'websocketUrl', 'websocket_invalid'],
    [{ websocketUrl: 'wss://user:pw@host' }, 'websocketUrl', 'websocket_invalid'],
    [{ websocketUrl: 'not a url' }, 'websocketUrl', 'websocket_invalid'],
    [{ websocketUrl: 'ws://pabx.axivox.com:8080' }, 'websocketUrl', 'websocket_unencrypted'],
    [{ websocketUrl: 'ws://8.8.8.8' }, 'websocketUrl', 'websocket_unencrypted'],
    [{ websocketUrl: 'ws://[2001:db8::1]:80' }, 'websocketUrl', 'websocket_unencrypted'],
    [{ websocketUrl: 'ws://test.example.com' }, 'websocketUrl', 'websocket_unencrypted'],
    [{ websocketUrl: 'ws://localhost.evil.com' }, 'websocketUrl', 'websocket_unencrypted'],
    [{ websocketUrl: 'ws://172.32.0.1' }, 'websocketUrl', 'websocket_unencrypted'],
    [{ iceServers: [{ urls: 'http://stun' }] }, 'iceServers', 'ice_server_invalid'],
  ])('refuses %j with a code on the field', (patch, field, code) => {
    const result = parseAccountSettings({ ...valid, ...patch });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors.find((e) => e.field === field)?.code).toBe(code);
  });

  test.each([
    'ws://127.0.0.1:8080',
    'ws://127.8.9.10',
    'ws://localhost:5066',
    'ws://pbx.localhost',
    'ws://[::1]:8080',
    'ws://10.0.0.5',
    'ws://172.16.0.1',
    'ws://172.31.255.255',
    'ws://192.168.1.20:8088/ws',
    'ws://169.254.1.1',
    'ws://[fd12:3456::1]',
    'ws://[fe80::1]',
    'ws://pbx.test:8080',
    'ws://asterisk.local',
    'ws://pbx.internal',
    'ws://pbx.home.arpa',
    'ws://0x7f.1',
  ])('ws:// is accepted for a test server on this machine or a private network: %s', (websocketUrl) => {
    expect(parseAccountSettings({ ...valid, websocketUrl }).ok).toBe(true);
  });

  test('an unencrypted WebSocket is told apart from a secure one, for the warning', () => {
    expect(isUnencryptedWebSocket(' ws://127.0.0.1:8080 ')).toBe(true);
    expect(isUnencryptedWebSocket('WS://pbx.test')).toBe(true);
    expect(isUnencryptedWebSocket('wss://pabx.axivox.com:3443')).toBe(false);
    expect(isUnencryptedWebSocket('not a url')).toBe(false);
    expect(isPrivateTestHost('PBX.Test.')).toBe(true);
    expect(isPrivateTestHost('example.com')).toBe(false);
  });

  test.each([null, undefined, 42, 'account', [], { username: 1 }])('never throws on %j', (input) => {
    expect(parseAccountSettings(input).ok).toBe(false);
  });
});

describe('ICE server lines', () => {
  test('round-trip STUN and TURN servers', () => {
    const servers = parseIceServerLines('stun:stun.example.com:3478\n\n  turn:turn.example.com:3478 user pass  ');
    expect(servers).toEqual([{ urls: 'stun:stun.example.com:3478' }, { urls: 'turn:turn.example.com:3478', username: 'user', credential: 'pass' }]);
    expect(parseIceServerLines(formatIceServerLines(servers))).toEqual(servers);
  });
});

describe('what an account change takes', () => {
  const base: AccountSettings = {
    username: '101',
    password: 'secret',
    domain: 'pbx.test',
    websocketUrl: 'wss://pbx.test',
    displayName: 'Alice',
    iceServers: [],
    enabled: true,
  };
  test.each<[string, AccountSettings | null, AccountSettings | null, ReturnType<typeof accountChange>]>([
    ['nothing changed', base, { ...base }, 'none'],
    ['no account before or after', null, null, 'none'],
    ['the display name: in place, for the next call', base, { ...base, displayName: 'Alice Martin' }, 'in-place'],
    ['an ICE server: in place, for the next call', base, { ...base, iceServers: [{ urls: 'stun:stun.example:3478' }] }, 'in-place'],
    ['the password', base, { ...base, password: 'new' }, 'new-registration'],
    ['the server', base, { ...base, websocketUrl: 'wss://other.test' }, 'new-registration'],
    ['turned off', base, { ...base, enabled: false }, 'new-registration'],
    ['a first account', null, base, 'new-registration'],
    ['the account removed', base, null, 'new-registration'],
  ])('%s', (_, before, after, change) => {
    expect(accountChange(before, after)).toBe(change);
  });
});
