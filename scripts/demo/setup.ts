// The demo switchboard shared by `npm run demo` and `npm run screenshots`: the project's test PBX
// with a demo queue and an echo test, a demo account and caller ID rules, validated here by the
// extension's own parsers before the extension stores them through its own requests.
import type { Page } from 'playwright-core';
import { type CallerIdConfig, parseCallerIdConfig } from '../../src/callerid';
import { parseQueueSettings, type QueueSettings } from '../../src/queues/settings';
import { type AccountSettings, parseAccountSettings } from '../../src/settings';
import { Agent } from '../../test/e2e/harness/browser';
import { defaultUsers, type PbxQueue, TestPbx } from '../../test/pbx/pbx';

export const AGENT = '101';
export const CALLER = '102';
export const ECHO_TEST = '*43';
export const ANNOUNCEMENT = '*45';
export const DEMO_QUEUE: PbxQueue = { name: 'Support', extension: '600', loginCode: '*61', logoutCode: '*62' };

export function startDemoPbx(): Promise<TestPbx> {
  return TestPbx.start({ domain: 'demo.voip-widget.test', queues: [DEMO_QUEUE], echoCodes: [ECHO_TEST], announceCodes: [ANNOUNCEMENT] });
}

function password(username: string): string {
  const user = defaultUsers.find((u) => u.username === username);
  if (!user) throw new Error(`no demo user ${username}`);
  return user.password;
}

export interface DemoSettings {
  account: AccountSettings;
  queues: QueueSettings;
  callerId: CallerIdConfig;
}

/** The demo agent's settings, each checked as the settings page would check it. */
export function demoSettings(pbx: TestPbx): DemoSettings {
  const account = parseAccountSettings({
    username: AGENT,
    password: password(AGENT),
    domain: pbx.domain,
    websocketUrl: pbx.wsUrl,
    displayName: 'Alice (demo)',
    iceServers: [],
    enabled: true,
  });
  const queues = parseQueueSettings({ queues: [{ ...DEMO_QUEUE, agent: 'dynamic', callerNamePrefix: '' }], reminder: { enabled: false, time: '18:00' } });
  // A Belgian office with a French line: calls to France present the French number.
  const callerId = parseCallerIdConfig({
    defaultOutgoingNumber: '+3225550100',
    incomingNumbers: ['+3225550100', '+33155550100'],
    userOutgoingNumber: 'default',
    advancedRules: [{ prefix: '+33', number: '+33155550100' }],
    applyRulesToAllUsers: true,
    homeCountry: 'BE',
  });
  if (!account.ok) throw new Error(`demo account refused: ${JSON.stringify(account.errors)}`);
  if (!queues.ok) throw new Error(`demo queues refused: ${JSON.stringify(queues.errors)}`);
  if (!callerId.ok) throw new Error(`demo caller ID refused: ${callerId.errors.join('; ')}`);
  return { account: account.value, queues: queues.value, callerId: callerId.config };
}

/** Stores the settings from an extension page, through the service worker's validated requests. */
export async function configureExtension(page: Page, settings: DemoSettings): Promise<void> {
  // No helper functions inside: the callback runs in the page as written (tsx would wrap them).
  const refused = await page.evaluate(async ({ account, queues, callerId }) => {
    const savedAccount = await chrome.runtime.sendMessage({ to: 'background', type: 'saveAccount', payload: { account } });
    if (!savedAccount?.ok) return `account: ${JSON.stringify(savedAccount)}`;
    const savedQueues = await chrome.runtime.sendMessage({ to: 'background', type: 'saveQueueSettings', payload: { settings: queues } });
    if (!savedQueues?.ok) return `queues: ${JSON.stringify(savedQueues)}`;
    const savedCallerId = await chrome.runtime.sendMessage({ to: 'background', type: 'saveCallerIdConfig', payload: { config: callerId } });
    if (!savedCallerId?.ok) return `caller ID: ${JSON.stringify(savedCallerId)}`;
    return null;
  }, settings);
  if (refused !== null) throw new Error(`the extension refused the demo settings: ${refused}`);
}

/**
 * A second softphone (headless, with a test tone for a voice), registered as 102: it calls the
 * agent on request and answers the agent's calls by itself.
 */
export class DemoCaller {
  private readonly answering: ReturnType<typeof setInterval>;

  private constructor(private readonly agent: Agent) {
    this.answering = setInterval(() => void this.answerIncoming().catch(() => undefined), 500);
  }

  private async answerIncoming(): Promise<void> {
    const incoming = (await this.agent.snapshot()).calls.find((c) => c.state === 'incoming');
    if (incoming) await this.agent.command('answer', { callId: incoming.id });
  }

  static async start(pbx: TestPbx): Promise<DemoCaller> {
    const agent = await Agent.launch();
    try {
      await agent.configure({ username: CALLER, password: password(CALLER), domain: pbx.domain, websocketUrl: pbx.wsUrl, displayName: 'Demo customer' });
      await agent.waitUntilRegistered();
    } catch (error) {
      await agent.close();
      throw error;
    }
    return new DemoCaller(agent);
  }

  /** Calls the agent, unless a call is already under way; says what happened. */
  async callAgent(): Promise<string> {
    const { calls } = await this.agent.snapshot();
    if (calls.length > 0) {
      await this.agent.command('hangup', { callId: calls[0]!.id });
      return 'The demo caller hung up.';
    }
    const placed = await this.agent.command<{ ok: boolean; error?: { message: string } }>('call', { target: AGENT });
    return placed.ok ? `The demo caller is calling ${AGENT}…` : `The demo caller could not call: ${placed.error?.message}`;
  }

  close(): Promise<void> {
    clearInterval(this.answering);
    return this.agent.close();
  }
}
