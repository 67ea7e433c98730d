import { useMemo } from 'preact/hooks';
import { lockedFields, type PolicySection, type PolicyState, withPolicy } from '../policy/state';
import { type StorageKey, storageKeys } from '../storage/keys';
import { useStoredValue } from './useStoredValue';

/** What the administrator's policy sets, as the service worker last checked it. */
export function usePolicy(): PolicyState {
  return useStoredValue(storageKeys.policy);
}

/**
 * A stored section of settings as the softphone uses it (the policy's fields over the agent's),
 * and which of its fields the policy sets.
 */
export function useWithPolicy<T extends object>(section: PolicySection, key: StorageKey<T>): { value: T; locked: ReadonlySet<string> };
export function useWithPolicy<T extends object>(section: PolicySection, key: StorageKey<T | null>): { value: T | null; locked: ReadonlySet<string> };
export function useWithPolicy<T extends object>(section: PolicySection, key: StorageKey<T | null>): { value: T | null; locked: ReadonlySet<string> } {
  const own = useStoredValue(key);
  const policy = usePolicy();
  const value = useMemo(() => withPolicy(section, own, policy), [own, policy]);
  const locked = useMemo(() => lockedFields(policy, section), [policy]);
  return { value, locked };
}
