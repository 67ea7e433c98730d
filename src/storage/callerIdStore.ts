import { type CallerIdConfig, type ParsedCallerIdConfig, parseCallerIdConfig } from '../callerid';
import { ownPart, withPolicy } from '../policy/state';
import { storageKeys } from './keys';
import { read } from './read';
import { writeStorage } from './write';

/** The agent's own caller ID settings as stored, with the administrator's policy over them. */
export async function loadCallerIdDraft(): Promise<Partial<CallerIdConfig> | null> {
  const [own, policy] = await Promise.all([read(storageKeys.callerId), read(storageKeys.policy)]);
  return withPolicy('callerId', own, policy);
}

/** The caller ID settings in use (the agent's with the policy's over them), or null when none are valid. */
export async function loadCallerIdConfig(): Promise<CallerIdConfig | null> {
  const draft = await loadCallerIdDraft();
  if (draft === null) return null;
  const parsed = parseCallerIdConfig(draft);
  return parsed.ok ? parsed.config : null;
}

/**
 * Saves only valid settings: invalid ones change nothing stored. They are checked with the
 * policy's fields over them; the agent keeps their own value of each field the policy sets.
 */
export async function saveCallerIdConfig(input: unknown): Promise<ParsedCallerIdConfig> {
  const policy = await read(storageKeys.policy);
  const parsed = parseCallerIdConfig(typeof input === 'object' && input !== null ? withPolicy('callerId', input, policy) : input);
  if (parsed.ok)
    await writeStorage(async (writer) => writer.set(storageKeys.callerId, ownPart('callerId', parsed.config, await read(storageKeys.callerId), policy)));
  return parsed;
}

/** Stores caller ID settings that were checked with the policy over them, as the agent's own part. */
export async function ownCallerIdPart(config: CallerIdConfig): Promise<CallerIdConfig> {
  return ownPart('callerId', config, await read(storageKeys.callerId), await read(storageKeys.policy));
}
