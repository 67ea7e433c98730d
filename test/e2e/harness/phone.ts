import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import type { AccountSettings } from '../../../src/settings';
import { type PbxOptions, TestPbx } from '../../pbx/pbx';
import { Agent, type AgentOptions } from './browser';

/** The agents of one test: each a browser profile registered to the test PBX; all closed together. */
export class Desks {
  private readonly agents: Agent[] = [];

  constructor(private readonly pbx: TestPbx) {}

  /** A browser with the extension, closed with the others after the test; not set up yet. */
  async launch(options: AgentOptions = {}): Promise<Agent> {
    const agent = await Agent.launch(options);
    this.agents.push(agent);
    return agent;
  }

  async registered(username: string, extra: Partial<AccountSettings> = {}, options: AgentOptions = {}): Promise<Agent> {
    const user = this.pbx.users.find((u) => u.username === username);
    if (!user) throw new Error(`no test user ${username}`);
    const agent = await this.launch(options);
    await agent.configure({ username, password: user.password, domain: this.pbx.domain, websocketUrl: this.pbx.wsUrl, ...extra });
    await agent.waitUntilRegistered();
    return agent;
  }

  async closeAll(): Promise<void> {
    for (const agent of this.agents.splice(0)) await agent.close();
  }
}

/**
 * A test file's PBX and agents: the PBX starts before the file's tests and stops after them, and
 * each test's browsers close after it.
 */
export function usePbx(options?: PbxOptions): { readonly pbx: TestPbx; readonly desks: Desks } {
  let pbx: TestPbx | undefined;
  let desks: Desks | undefined;
  beforeAll(async () => {
    pbx = await TestPbx.start(options);
    desks = new Desks(pbx);
  });
  afterAll(async () => {
    await pbx?.stop();
  });
  afterEach(async () => {
    await desks?.closeAll();
  });
  return {
    get pbx() {
      if (!pbx) throw new Error('the PBX starts in beforeAll');
      return pbx;
    },
    get desks() {
      if (!desks) throw new Error('the PBX starts in beforeAll');
      return desks;
    },
  };
}

/** `caller` dials `extension` from its popup and `callee` answers from theirs: both are in the call. */
export async function connect(caller: Agent, callerPopup: Page, callee: Agent, calleePopup: Page, extension: string): Promise<void> {
  await dial(callerPopup, extension);
  await calleePopup
    .getByRole('region', { name: 'Incoming call' })
    .getByRole('button', { name: /^Answer/ })
    .click();
  await caller.waitForSnapshot((s) => s.calls.some((c) => c.state === 'active' && !c.held), 'caller in call');
  await callee.waitForSnapshot((s) => s.calls.some((c) => c.state === 'active' && !c.held), 'callee in call');
}

/** Dials from the popup; resolves with the wall-clock time the page received the click. */
export async function dial(popup: Page, number: string): Promise<number> {
  await popup.getByRole('textbox', { name: 'Number to call' }).fill(number);
  const clicked = popup.evaluate(
    () => new Promise<number>((resolve) => document.addEventListener('click', () => resolve(Date.now()), { capture: true, once: true })),
  );
  await popup.getByRole('button', { name: 'Call' }).click();
  return clicked;
}

async function stat(agent: Agent, pick: 'bytesReceived' | 'audioLevel', callId?: string): Promise<number> {
  const { calls } = await agent.snapshot();
  const call = callId ? calls.find((c) => c.id === callId) : (calls.find((c) => c.state === 'active' && !c.held) ?? calls[0]);
  if (!call) return -1;
  return (await agent.callStats(call.id))?.[pick] ?? -1;
}

export const bytesReceived = (agent: Agent, callId?: string): Promise<number> => stat(agent, 'bytesReceived', callId);
export const audioLevel = (agent: Agent, callId?: string): Promise<number> => stat(agent, 'audioLevel', callId);

/** Audio flows into `agent` when its received byte count keeps growing. */
export async function expectAudioFlowing(agent: Agent, callId?: string): Promise<void> {
  const before = await bytesReceived(agent, callId);
  await expect.poll(() => bytesReceived(agent, callId), { timeout: 5000 }).toBeGreaterThan(Math.max(before, 0) + 1000);
}

/** No audio reaches `agent` when its received byte count stands still over a second. */
export async function expectAudioStopped(agent: Agent, callId?: string): Promise<void> {
  await expect
    .poll(
      async () => {
        const before = await bytesReceived(agent, callId);
        await new Promise((r) => setTimeout(r, 1000));
        return (await bytesReceived(agent, callId)) - before;
      },
      { timeout: 8000 },
    )
    .toBeLessThan(200);
}

export async function badgeText(agent: Agent): Promise<string> {
  return (await agent.serviceWorker()).evaluate(() => chrome.action.getBadgeText({}));
}
