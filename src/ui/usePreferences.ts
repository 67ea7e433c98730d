import { defaultPreferences, preferencesOrDefaults, type Preferences } from '../settings/preferences';
import { request } from '../protocol/client';
import { useStoredValue } from './useStoredValue';

/** The stored preferences (defaults where unset) and a way to change some of them. */
export function usePreferences(): [Preferences, (patch: Partial<Preferences>) => Promise<string[]>] {
  const stored = useStoredValue<unknown>('preferences', defaultPreferences);
  const update = async (patch: Partial<Preferences>): Promise<string[]> => {
    const result = await request('background', 'updatePreferences', { patch });
    return result.ok ? [] : result.errors;
  };
  return [preferencesOrDefaults(stored), update];
}
