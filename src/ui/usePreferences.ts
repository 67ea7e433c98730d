import { request } from '../protocol/client';
import type { PreferenceErrorCode, Preferences } from '../settings/preferences';
import { storageKeys } from '../storage/keys';
import { useWithPolicy } from './usePolicy';

/**
 * The preferences in use (defaults where unset, the policy's where it sets them), a way to change
 * some of them, and the ones the policy sets.
 */
export function usePreferences(): [Preferences, (patch: Partial<Preferences>) => Promise<PreferenceErrorCode[]>, ReadonlySet<string>] {
  const { value: preferences, locked } = useWithPolicy('preferences', storageKeys.preferences);
  const update = async (patch: Partial<Preferences>): Promise<PreferenceErrorCode[]> => {
    const result = await request('background', 'updatePreferences', { patch });
    return result.ok ? [] : result.errors;
  };
  return [preferences, update, locked];
}
