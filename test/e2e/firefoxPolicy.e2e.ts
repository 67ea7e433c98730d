import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import type { PolicyState } from '../../src/policy/state';
import { TestPbx } from '../pbx/pbx';
import { FirefoxAgent } from './harness/firefox';

// The same managed settings in Firefox ESR, from an enterprise policies.json's
// `3rdparty.Extensions.<add-on id>` section (the harness writes it only while Firefox starts).

let pbx: TestPbx;
let firefox: FirefoxAgent | undefined;

beforeAll(async () => {
  pbx = await TestPbx.start();
});
afterEach(async () => {
  await firefox?.close();
  firefox = undefined;
});
afterAll(async () => {
  await pbx?.stop();
});

describe('Firefox under an administrator policy', () => {
  test('policies.json sets server, domain and queues, ignores a bad value with its reason, and the agent registers with extension and password only', async () => {
    firefox = await FirefoxAgent.launch({
      policy: {
        websocketUrl: pbx.wsUrl,
        domain: pbx.domain,
        queues: [{ name: 'Support', extension: '8001', loginCode: '*801', logoutCode: '*802' }],
        voicemailNumber: 'call me',
      },
    });
    const agent = firefox;
    const policy = async () => (await agent.evaluate<{ policy?: PolicyState }>(`browser.storage.local.get('policy')`)).policy;
    await expect.poll(async () => (await policy())?.managed, { timeout: 15_000 }).toBe(true);
    expect((await policy())?.applied.account).toEqual({ websocketUrl: pbx.wsUrl, domain: pbx.domain });
    expect((await policy())?.ignored.map((i) => i.key)).toEqual(['voicemailNumber']);

    await agent.show('extension/options.html');
    const domain = () =>
      agent.evaluate<{ value: string; readOnly: boolean; note: string }>(
        `(() => { const el = document.getElementById('account-domain'); return { value: el.value, readOnly: el.readOnly, note: document.getElementById('account-domain-policy')?.textContent ?? '' }; })()`,
      );
    await expect.poll(domain).toEqual({ value: pbx.domain, readOnly: true, note: 'Set by your administrator' });
    await expect
      .poll(() => agent.evaluate<string>(`document.querySelector('[aria-labelledby="policy-ignored-heading"]')?.textContent ?? ''`))
      .toMatch(/^“voicemailNumber” is ignored: /);

    expect(await agent.request('saveAccount', { account: { username: '101', password: 'alice-secret', domain: '', websocketUrl: '' } })).toEqual({ ok: true });
    await agent.waitForSnapshot((s) => s.registration.state === 'registered', 'registration');
    expect(await agent.request('queuesForSoftphone')).toEqual({
      queues: [{ name: 'Support', extension: '8001', loginCode: '*801', logoutCode: '*802', agent: 'dynamic', callerNamePrefix: '' }],
    });
  });
});
