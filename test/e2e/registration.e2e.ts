import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { TestPbx } from '../pbx/pbx';
import { freePort } from '../pbx/ports';
import { Agent } from './harness/browser';

let pbx: TestPbx;
let agent: Agent | undefined;

beforeAll(async () => {
  pbx = await TestPbx.start();
});
afterAll(async () => {
  await pbx?.stop();
});
afterEach(async () => {
  await agent?.close();
  agent = undefined;
});

describe('registration', () => {
  test('an agent enters their SIP identifiers in Settings and the softphone registers', async () => {
    agent = await Agent.launch();
    const options = await agent.openOptions();
    await options.getByLabel('SIP username (extension)').fill('101');
    await options.getByLabel('SIP password', { exact: true }).fill('alice-secret');
    await options.getByLabel('Domain', { exact: true }).fill('pbx.test');
    await options.getByLabel('WebSocket URL').fill(pbx.wsUrl);
    await options.getByLabel('Display name').fill('Alice Agent');
    await options.getByRole('region', { name: 'SIP account' }).getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => options.getByRole('status').filter({ hasText: 'Saved' }).count()).toBe(1);

    const popup = await agent.openPopup();
    await expect.poll(() => popup.getByRole('status', { name: 'Softphone status' }).textContent(), { timeout: 10_000 }).toContain('Ready · 101@pbx.test');
    expect(pbx.requests().some((r) => r.method === 'REGISTER')).toBe(true);
    await expect.poll(async () => (await agent!.serviceWorker()).evaluate(() => chrome.action.getBadgeText({}))).toBe('');
  });

  test('the SIP password is kept out of storage.local, outlives a restart, and one stored there by an earlier version is moved out', async () => {
    // storage.local is readable by the extension's content scripts in Firefox (no access levels):
    // the password lives in the extension's own IndexedDB, which content scripts cannot open.
    agent = await Agent.launch();
    await agent.configure({ username: '101', password: 'alice-secret', domain: 'pbx.test', websocketUrl: pbx.wsUrl });
    await agent.waitUntilRegistered();
    const everythingStored = async () => JSON.stringify(await (await agent!.serviceWorker()).evaluate(() => chrome.storage.local.get(null)));
    expect(await everythingStored()).not.toContain('alice-secret');
    expect(await everythingStored()).toContain('101');

    await agent.restart();
    await agent.waitForSnapshot(
      (s) => s.registration.state === 'registered' && s.registration.account === '101@pbx.test',
      'registered again after the restart',
    );
    const options = await agent.openOptions();
    await expect.poll(() => options.getByLabel('SIP password', { exact: true }).inputValue()).toBe('alice-secret');
    await options.close();

    // An account as an earlier version stored it, password included, is used as it is...
    const legacy = { username: '102', password: 'bob-secret', domain: 'pbx.test', websocketUrl: pbx.wsUrl, displayName: '', iceServers: [], enabled: true };
    await (await agent.serviceWorker()).evaluate((account) => chrome.storage.local.set({ account }), legacy);
    await agent.waitForSnapshot((s) => s.registration.state === 'registered' && s.registration.account === '102@pbx.test', 'registered with the older account');
    // ...and on the next start its password is moved out of storage.local.
    await agent.restart();
    await agent.waitForSnapshot((s) => s.registration.state === 'registered' && s.registration.account === '102@pbx.test', 'registered after the move');
    await expect.poll(everythingStored).not.toContain('bob-secret');
  });

  test("the SIP password shows up in no log of any of the extension's contexts", async () => {
    const logFile = join(mkdtempSync(join(tmpdir(), 'voip-log-')), 'chrome.log');
    const lines = (): string[] => (existsSync(logFile) ? readFileSync(logFile, 'utf8').split('\n') : []);
    agent = await Agent.launch({ logFile });
    await agent.configure({ username: '101', password: 'not-the-password', domain: 'pbx.test', websocketUrl: pbx.wsUrl });
    await agent.waitForSnapshot((s) => s.registration.state === 'failed', 'the wrong password refused');
    const options = await agent.openOptions();
    await options.getByLabel('SIP password', { exact: true }).fill('alice-secret');
    await options.getByRole('region', { name: 'SIP account' }).getByRole('button', { name: 'Save' }).click();
    await agent.waitUntilRegistered();
    // The capture does see the extension's console: a line logged by the service worker arrives.
    await (await agent.serviceWorker()).evaluate(() => console.warn('log-capture-probe'));
    await expect.poll(() => lines().some((l) => l.includes('log-capture-probe'))).toBe(true);
    expect(lines().filter((l) => l.includes('alice-secret') || l.includes('not-the-password'))).toEqual([]);
  });

  test('a wrong password says so, and the settings stay as saved', async () => {
    agent = await Agent.launch();
    await agent.configure({ username: '101', password: 'not-the-password', domain: 'pbx.test', websocketUrl: pbx.wsUrl });
    const popup = await agent.openPopup();
    await expect.poll(() => popup.getByRole('status', { name: 'Softphone status' }).textContent(), { timeout: 10_000 }).toContain('Wrong username or password');
    await expect.poll(async () => (await agent!.serviceWorker()).evaluate(() => chrome.action.getBadgeText({}))).toBe('!');
    expect(await popup.getByRole('button', { name: 'Call' }).isDisabled()).toBe(true);

    const options = await agent.openOptions();
    await expect.poll(() => options.getByLabel('SIP password', { exact: true }).inputValue()).toBe('not-the-password');
    expect(await options.getByLabel('SIP username (extension)').inputValue()).toBe('101');
  });

  test('an unreachable server is named in the error', async () => {
    agent = await Agent.launch();
    const deadUrl = `ws://127.0.0.1:${await freePort()}`;
    await agent.configure({ username: '101', password: 'alice-secret', domain: 'pbx.test', websocketUrl: deadUrl });
    const popup = await agent.openPopup();
    await expect.poll(() => popup.getByRole('status', { name: 'Softphone status' }).textContent(), { timeout: 10_000 }).toContain(`Cannot reach ${deadUrl}`);
  });

  test('invalid settings are refused field by field and nothing is stored', async () => {
    agent = await Agent.launch();
    await agent.configure({ username: '101', password: 'alice-secret', domain: 'pbx.test', websocketUrl: pbx.wsUrl });
    await agent.waitUntilRegistered();
    const options = await agent.openOptions();
    await expect.poll(() => options.getByLabel('WebSocket URL').inputValue()).toBe(pbx.wsUrl);
    await options.getByLabel('WebSocket URL').fill('http://example.com/ws');
    await options.getByLabel('SIP username (extension)').fill('');
    await options.getByRole('region', { name: 'SIP account' }).getByRole('button', { name: 'Save' }).click();
    await expect.poll(() => options.getByText('The WebSocket URL must start with wss://').count()).toBe(1);
    await expect(options.getByLabel('SIP username (extension)').getAttribute('aria-invalid')).resolves.toBe('true');
    await expect.poll(() => options.getByRole('status').filter({ hasText: 'Not saved' }).count()).toBe(1);

    const stored = await (await agent.serviceWorker()).evaluate(() => chrome.storage.local.get('account'));
    expect(stored.account).toMatchObject({ username: '101', websocketUrl: pbx.wsUrl });
    expect((await agent.snapshot()).registration.state).toBe('registered');
  });
});
