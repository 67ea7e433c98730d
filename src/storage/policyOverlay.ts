import { ownPart, type PolicySection, withPolicy } from '../policy/state';
import { type StorageKey, storageKeys } from './keys';
import { read } from './read';
import { writeStorage } from './write';

type Parsed<T, E> = { ok: true; value: T } | { ok: false; errors: E[] };

/** A section of settings as the softphone uses it: the administrator's policy over the agent's own. */
export async function readUnderPolicy<T extends object>(section: PolicySection, key: StorageKey<T>): Promise<T> {
  const [own, policy] = await Promise.all([read(key), read(storageKeys.policy)]);
  return withPolicy(section, own, policy);
}

/**
 * Saves only valid settings (from the form or a file), checked with the policy's fields over them;
 * the agent's own part is stored, so the policy's fields stay the policy's and lifting the policy
 * gives the agent back their own values.
 */
export async function saveUnderPolicy<T extends object, E>(
  section: PolicySection,
  key: StorageKey<T>,
  input: unknown,
  parse: (input: unknown) => Parsed<T, E>,
  defaults: T,
): Promise<{ ok: true } | { ok: false; errors: E[] }> {
  const policy = await read(storageKeys.policy);
  const parsed = parse(typeof input === 'object' && input !== null ? withPolicy(section, input, policy) : input);
  if (!parsed.ok) return parsed;
  const own = ownPart(section, parsed.value, await read(key), policy);
  await writeStorage((writer) => writer.set(key, { ...defaults, ...own }));
  return { ok: true };
}
