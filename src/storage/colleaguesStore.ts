import { type ColleagueSettings, type ColleagueSettingsError, emptyColleagueSettings, parseColleagueSettings } from '../colleagues/settings';
import { storageKeys } from './keys';
import { readUnderPolicy, saveUnderPolicy } from './policyOverlay';
import { watchAny } from './read';

/** The agent's colleagues, quick calls and pickup code with the administrator's policy over them. */
export function loadColleagueSettings(): Promise<ColleagueSettings> {
  return readUnderPolicy('colleagueSettings', storageKeys.colleagueSettings);
}

export function saveColleagueSettings(input: unknown): Promise<{ ok: true } | { ok: false; errors: ColleagueSettingsError[] }> {
  return saveUnderPolicy('colleagueSettings', storageKeys.colleagueSettings, input, parseColleagueSettings, emptyColleagueSettings);
}

export function onColleagueSettingsChanged(listener: () => void): void {
  watchAny([storageKeys.colleagueSettings, storageKeys.policy], listener);
}
