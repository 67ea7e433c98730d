import { request } from '../protocol/client';
import type { PreferenceErrorCode, Preferences } from '../settings/preferences';
import { storageKeys } from '../storage/keys';
import { useStoredValue } from './useStoredValue';

/** The stored preferences (defaults where unset) and a way to change some of them. */
export function usePreferences(): [Preferences, (patch: Partial<Preferences>) => Promise<PreferenceErrorCode[]>] {
  const preferences = useStoredValue(storageKeys.preferences);
  const update = async (patch: Partial<Preferences>): Promise<PreferenceErrorCode[]> => {
    const result = await request('background', 'updatePreferences', { patch });
    return result.ok ? [] : result.errors;
  };
  return [preferences, update];
}
