import { describe, expect, test } from 'vitest';
import { usePbx } from './harness/phone';

// Every real PBX is reached over wss:// (Axivox: wss://pabx.axivox.com:3443).
const env = usePbx({ tls: true });

describe('a PBX reached over wss://', () => {
  test('with its CA trusted, the softphone registers and calls over TLS', async () => {
    const agent = await env.desks.registered('101', { websocketUrl: env.pbx.wssUrl }, { trustedCa: env.pbx.certificates!.caCertificate });
    const popup = await agent.openPopup();
    await expect.poll(() => popup.getByRole('status', { name: 'Softphone status' }).textContent()).toContain('Ready');
    expect(env.pbx.logLines().some((l) => /REQ REGISTER .*\(wss\)/.test(l))).toBe(true);
    await agent.command('call', { target: '*45' });
    await agent.waitForSnapshot((s) => s.calls[0]?.state === 'active', 'the announcement answered over wss');
    await agent.waitForSnapshot((s) => s.calls.length === 0 && s.lastEndedCall?.end?.code === 'remote_hangup', 'the announcement over');
  });

  test("an untrusted certificate says so, and a button opens the server's page to see and accept it", async () => {
    const agent = await env.desks.launch();
    const popup = await agent.openPopup();
    await agent.configure({ username: '101', password: 'alice-secret', domain: env.pbx.domain, websocketUrl: env.pbx.wssUrl });
    await expect
      .poll(() => popup.getByRole('status', { name: 'Softphone status' }).textContent())
      .toContain(`Cannot reach ${env.pbx.wssUrl} (server down, or its TLS certificate is not trusted)`);
    const expected = `https://localhost:${env.pbx.wssPort}/`;
    const opened = agent.context.waitForEvent('page');
    await popup.getByRole('button', { name: "Check the server's certificate" }).click();
    const page = await opened;
    // The page shows the browser's certificate error, under the address that was opened (as the address bar shows it).
    const cdp = await agent.context.newCDPSession(page);
    const address = async () => {
      const history = await cdp.send('Page.getNavigationHistory');
      return history.entries[history.currentIndex]?.url;
    };
    await expect.poll(address).toBe(expected);
  });
});
