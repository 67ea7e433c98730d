import browser from 'webextension-polyfill';
import { describeCallerIdSource, normalizeRulePrefix, parseCallerIdConfig, resolveCallerId, type CallerIdConfig } from '../callerid';
import type { CallSnapshot } from '../calls/snapshot';
import type { Handlers } from '../protocol/server';
import { buildConfigurationFile, describeImport, parseConfigurationFile, type CurrentSettings } from '../settings/configurationFile';
import { QUEUE_SETTINGS_KEY, loadQueueSettings } from './queuesStore';
import { loadAccount, storeAccount } from '../storage/accountStore';

export const CALLER_ID_KEY = 'callerId';

/** The stored caller ID settings, or null when none (or none valid) are stored. */
export async function loadCallerIdConfig(): Promise<CallerIdConfig | null> {
  const stored = (await browser.storage.local.get(CALLER_ID_KEY))[CALLER_ID_KEY];
  if (stored === undefined) return null;
  const parsed = parseCallerIdConfig(stored);
  return parsed.ok ? parsed.config : null;
}

/** The caller ID an outgoing call presented, for the recent-calls list. */
export async function callerIdOf(call: CallSnapshot): Promise<string | null> {
  if (call.direction !== 'outgoing') return null;
  const config = await loadCallerIdConfig();
  return config ? resolveCallerId(config, call.remoteNumber).callerId : null;
}

async function currentSettings(): Promise<CurrentSettings> {
  const stored = (await browser.storage.local.get(QUEUE_SETTINGS_KEY))[QUEUE_SETTINGS_KEY];
  return { callerId: await loadCallerIdConfig(), account: await loadAccount(), queues: stored === undefined ? null : await loadQueueSettings() };
}

export const callerIdRoutes: Pick<Handlers<'background'>, 'resolveCallerId' | 'saveCallerIdConfig' | 'exportConfiguration' | 'previewConfiguration' | 'importConfiguration'> = {
  resolveCallerId: async ({ dialed }) => {
    const config = await loadCallerIdConfig();
    if (config === null) return null;
    const result = resolveCallerId(config, dialed);
    const rule = result.kind === 'external' && result.ruleIndex !== undefined ? config.advancedRules[result.ruleIndex] : undefined;
    return { result, reason: describeCallerIdSource(result, config), rulePrefix: rule ? normalizeRulePrefix(rule.prefix) : null };
  },
  saveCallerIdConfig: async ({ config }) => {
    const parsed = parseCallerIdConfig(config);
    if (!parsed.ok) return parsed;
    await browser.storage.local.set({ [CALLER_ID_KEY]: parsed.config });
    return { ok: true, warnings: parsed.warnings };
  },
  exportConfiguration: async ({ includePassword }) => buildConfigurationFile(await currentSettings(), includePassword),
  // What an import would change, read and checked like the import itself; nothing is written.
  previewConfiguration: async ({ file }) => {
    const current = await currentSettings();
    const parsed = parseConfigurationFile(file, current.account);
    if (!parsed.ok) return parsed;
    return { ok: true, sections: Object.keys(parsed.value), changes: describeImport(current, parsed.value), warnings: parsed.warnings };
  },
  importConfiguration: async ({ file }) => {
    const parsed = parseConfigurationFile(file, await loadAccount());
    if (!parsed.ok) return parsed;
    const { callerId, account, queues } = parsed.value;
    // One write of storage.local: all sections or none (a new password is stored just before it).
    const sections = { ...(callerId ? { [CALLER_ID_KEY]: callerId } : {}), ...(queues ? { [QUEUE_SETTINGS_KEY]: queues } : {}) };
    if (account) await storeAccount(account, sections);
    else await browser.storage.local.set(sections);
    return { ok: true, sections: Object.keys(parsed.value), warnings: parsed.warnings };
  },
};
