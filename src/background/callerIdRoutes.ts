import { normalizeRulePrefix, resolveCallerId } from '../callerid';
import type { CallSnapshot } from '../calls/snapshot';
import type { callerIdRequests } from '../protocol/callerId';
import type { Routes } from '../protocol/server';
import {
  buildConfigurationFile,
  type CurrentSettings,
  describeImport,
  importUnderPolicy,
  managedSettings,
  parseConfigurationFile,
} from '../settings/configurationFile';
import { loadAccount, storeAccount } from '../storage/accountStore';
import { loadCallerIdConfig, ownCallerIdPart, saveCallerIdConfig } from '../storage/callerIdStore';
import { loadColleagueSettings } from '../storage/colleaguesStore';
import { storageKeys } from '../storage/keys';
import { loadQueueSettings, ownQueuePart } from '../storage/queuesStore';
import { isStored, read } from '../storage/read';
import { entry, writeStorage } from '../storage/write';
import { contactsImport, contactsWereSet, currentContactsSettings } from './contactsFile';

/** The caller ID an outgoing call presented, for the recent-calls list. */
export async function callerIdOf(call: CallSnapshot): Promise<string | null> {
  if (call.direction !== 'outgoing') return null;
  const config = await loadCallerIdConfig();
  return config ? resolveCallerId(config, call.remoteNumber).callerId : null;
}

/** What is stored now; queues count once they were saved, also as an empty list. */
async function currentSettings(includePasswords = false): Promise<CurrentSettings> {
  const queuesSaved = await isStored(storageKeys.queueSettings);
  const afterCall = (await isStored(storageKeys.afterCallSettings)) ? await read(storageKeys.afterCallSettings) : null;
  const colleaguesSaved = await isStored(storageKeys.colleagueSettings);
  return {
    callerId: await loadCallerIdConfig(),
    account: await loadAccount(),
    queues: queuesSaved ? await loadQueueSettings() : null,
    afterCall,
    colleagues: colleaguesSaved ? await loadColleagueSettings() : null,
    contacts: await currentContactsSettings(includePasswords),
  };
}

export const callerIdRoutes = {
  resolveCallerId: async ({ dialed }) => {
    const config = await loadCallerIdConfig();
    if (config === null) return null;
    const result = resolveCallerId(config, dialed);
    const rule = result.kind === 'external' && result.ruleIndex !== undefined ? config.advancedRules[result.ruleIndex] : undefined;
    return { result, rulePrefix: rule ? normalizeRulePrefix(rule.prefix) : null };
  },
  saveCallerIdConfig: async ({ config }) => {
    const parsed = await saveCallerIdConfig(config);
    return parsed.ok ? { ok: true, warnings: parsed.warnings } : parsed;
  },
  exportConfiguration: async ({ includePassword }) => {
    const current = await currentSettings(includePassword);
    if (!(await contactsWereSet())) current.contacts = null;
    return buildConfigurationFile(current, includePassword, managedSettings(await read(storageKeys.policy)));
  },
  // What an import would change, read and checked like the import itself; nothing is written.
  previewConfiguration: async ({ file }) => {
    const current = await currentSettings();
    const parsed = parseConfigurationFile(file, current.account);
    if (!parsed.ok) return parsed;
    const { value, warnings } = importUnderPolicy(parsed.value, await read(storageKeys.policy));
    return { ok: true, sections: Object.keys(value), changes: describeImport(current, value), warnings: [...warnings, ...parsed.warnings] };
  },
  importConfiguration: async ({ file }) => {
    const parsed = parseConfigurationFile(file, await loadAccount());
    if (!parsed.ok) return parsed;
    // The policy's settings stay the policy's: the agent's own part takes the rest of the file.
    const { value, warnings } = importUnderPolicy(parsed.value, await read(storageKeys.policy));
    const { callerId, account, queues, afterCall, colleagues, contacts } = value;
    const contactsPart = contacts ? await contactsImport(contacts) : null;
    const sections = [
      ...(contactsPart?.entries ?? []),
      ...(callerId ? [entry(storageKeys.callerId, await ownCallerIdPart(callerId))] : []),
      ...(queues ? [entry(storageKeys.queueSettings, await ownQueuePart(queues))] : []),
      ...(afterCall ? [entry(storageKeys.afterCallSettings, afterCall)] : []),
      ...(colleagues ? [entry(storageKeys.colleagueSettings, colleagues)] : []),
    ];
    // One write of storage.local: all sections or none (a new password is stored just before it).
    if (account) await storeAccount(account, sections);
    else await writeStorage((writer) => writer.setTogether(sections));
    // CardDAV address books are added once the rest is written: each is discovered and synced on its own, and one that fails leaves the others.
    const sourceWarnings = contactsPart ? [...contactsPart.warnings, ...(await contactsPart.addSources())] : [];
    return { ok: true, sections: Object.keys(value), warnings: [...warnings, ...parsed.warnings, ...sourceWarnings] };
  },
} satisfies Routes<'background', typeof callerIdRequests>;
