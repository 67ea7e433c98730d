import { type ColleagueSettings, type ColleagueSettingsError, parseColleagueSettings } from '../colleagues/settings';
import { storageKeys } from './keys';
import { read, watch } from './read';
import { writeStorage } from './write';

export function loadColleagueSettings(): Promise<ColleagueSettings> {
  return read(storageKeys.colleagueSettings);
}

/** Saves only valid settings: invalid ones (from the form or a file) change nothing stored. */
export async function saveColleagueSettings(input: unknown): Promise<{ ok: true } | { ok: false; errors: ColleagueSettingsError[] }> {
  const parsed = parseColleagueSettings(input);
  if (!parsed.ok) return parsed;
  await writeStorage((writer) => writer.set(storageKeys.colleagueSettings, parsed.value));
  return { ok: true };
}

export function onColleagueSettingsChanged(listener: () => void): void {
  watch(storageKeys.colleagueSettings, listener);
}
