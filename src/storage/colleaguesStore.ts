import { type ColleagueSettings, type ColleagueSettingsError, emptyColleagueSettings, parseColleagueSettings } from '../colleagues/settings';
import { ownPart, withPolicy } from '../policy/state';
import { storageKeys } from './keys';
import { read, watchAny } from './read';
import { writeStorage } from './write';

/** The agent's colleagues, quick calls and pickup code with the administrator's policy over them. */
export async function loadColleagueSettings(): Promise<ColleagueSettings> {
  const [own, policy] = await Promise.all([read(storageKeys.colleagueSettings), read(storageKeys.policy)]);
  return withPolicy('colleagueSettings', own, policy);
}

/** Saves only valid settings: invalid ones (from the form or a file) change nothing stored; the policy's fields stay the policy's. */
export async function saveColleagueSettings(input: unknown): Promise<{ ok: true } | { ok: false; errors: ColleagueSettingsError[] }> {
  const policy = await read(storageKeys.policy);
  const parsed = parseColleagueSettings(typeof input === 'object' && input !== null ? withPolicy('colleagueSettings', input, policy) : input);
  if (!parsed.ok) return parsed;
  const own = ownPart('colleagueSettings', parsed.value, await read(storageKeys.colleagueSettings), policy);
  await writeStorage((writer) => writer.set(storageKeys.colleagueSettings, { ...emptyColleagueSettings, ...own }));
  return { ok: true };
}

export function onColleagueSettingsChanged(listener: () => void): void {
  watchAny([storageKeys.colleagueSettings, storageKeys.policy], listener);
}
