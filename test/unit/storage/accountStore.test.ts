import { beforeEach, describe, expect, test, vi } from 'vitest';
import type { AccountSettings } from '../../../src/settings';
import { type FakeChrome, installFakeChrome } from './fakeChrome';

// The extension's IndexedDB of passwords, in memory. A read answers what was there when it
// began (as an IndexedDB transaction does), `secretReadMs` later.
const secrets = new Map<string, unknown>();
let secretReadMs = 0;
const wait = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
vi.mock('idb-keyval', () => ({
  createStore: () => ({}),
  get: async (key: string) => {
    const value = secrets.get(key);
    await wait(secretReadMs);
    return value;
  },
  set: async (key: string, value: unknown) => void secrets.set(key, value),
  del: async (key: string) => void secrets.delete(key),
}));

const { loadAccount, saveAccount, storeAccount } = await import('../../../src/storage/accountStore');

const account: AccountSettings = {
  username: '101',
  password: 'first-secret',
  domain: 'pbx.example.com',
  websocketUrl: 'wss://pbx.example.com:3443',
  displayName: '',
  iceServers: [],
  enabled: true,
};

let fake: FakeChrome;
beforeEach(() => {
  fake = installFakeChrome();
  secrets.clear();
  secretReadMs = 0;
});

const storedPasswordKey = (): unknown => (fake.local.get('account') as { passwordKey?: unknown } | undefined)?.passwordKey;

describe('the account store', () => {
  test('keeps the password out of storage.local, under a key the account names', async () => {
    await storeAccount(account);
    expect(JSON.stringify(fake.local.get('account'))).not.toContain('first-secret');
    expect(secrets.get(storedPasswordKey() as string)).toBe('first-secret');
    expect(await loadAccount()).toEqual(account);
  });

  test('an unchanged password keeps its key; a new one gets a new key and the old one is deleted', async () => {
    await storeAccount(account);
    const first = storedPasswordKey();
    await storeAccount({ ...account, displayName: 'Alice' });
    expect(storedPasswordKey()).toBe(first);
    await storeAccount({ ...account, password: 'second-secret' });
    expect(storedPasswordKey()).not.toBe(first);
    expect([...secrets.keys()]).toEqual([storedPasswordKey()]);
  });

  test('a password change racing an "unchanged password" save cannot leave the account naming a deleted password', async () => {
    await storeAccount(account);
    // The unchanged save reads the stored account after the change has read it, and reads its
    // password while the change writes the new one and deletes the old: it then writes last.
    secretReadMs = 20;
    const change = saveAccount({ ...account, password: 'second-secret' });
    await wait(10);
    const unchanged = saveAccount({ ...account, displayName: 'Alice' });
    expect(await Promise.all([change, unchanged])).toEqual([{ ok: true }, { ok: true }]);

    const key = storedPasswordKey();
    expect(typeof key).toBe('string');
    expect(secrets.has(key as string)).toBe(true);
    // The later save wins, with its own password.
    expect(await loadAccount()).toEqual({ ...account, displayName: 'Alice' });
    expect(secrets.size).toBe(1);
  });

  test('writes of other keys wait for an account save in progress, and the other way round', async () => {
    await storeAccount(account);
    secretReadMs = 20;
    const { updatePreferences } = await import('../../../src/storage/settingsStore');
    const order: string[] = [];
    await Promise.all([
      storeAccount({ ...account, password: 'second-secret' }).then(() => order.push('account')),
      updatePreferences({ doNotDisturb: true }).then(() => order.push('preferences')),
    ]);
    expect(order).toEqual(['account', 'preferences']);
    expect(fake.local.get('preferences')).toMatchObject({ doNotDisturb: true });
  });
});

describe('account under an administrator policy', () => {
  const policy = { managed: true, applied: { account: { domain: 'managed.example.com', websocketUrl: 'wss://managed.example.com' } }, ignored: [] };

  test('the agent enters only user and password; the policy fills the server, and the server stays the policy’s', async () => {
    fake.local.set('policy', policy);
    expect(await saveAccount({ username: '102', password: 'pw', domain: '', websocketUrl: '' })).toEqual({ ok: true });
    expect(await loadAccount()).toMatchObject({ username: '102', password: 'pw', domain: 'managed.example.com', websocketUrl: 'wss://managed.example.com' });
    // Nothing of the policy's is stored as the agent's own: lifting it leaves what the agent typed.
    expect(fake.local.get('account')).not.toHaveProperty('domain');
    fake.local.delete('policy');
    expect(await loadAccount()).toBeNull();
  });

  test('an agent with an account of their own keeps it under the policy and gets it back after', async () => {
    await storeAccount(account);
    fake.local.set('policy', policy);
    expect(await saveAccount({ ...account, username: '103', domain: 'typed-over.example.com' })).toEqual({ ok: true });
    expect(await loadAccount()).toMatchObject({ username: '103', domain: 'managed.example.com' });
    fake.local.delete('policy');
    expect(await loadAccount()).toMatchObject({ username: '103', domain: 'pbx.example.com', websocketUrl: 'wss://pbx.example.com:3443' });
  });
});
