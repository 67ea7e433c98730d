import { type AfterCallErrorCode, type AfterCallSettings, defaultAfterCallSettings, parseAfterCallSettings } from '../aftercall/settings';
import { ownPart, withPolicy } from '../policy/state';
import { storageKeys } from './keys';
import { read } from './read';
import { writeStorage } from './write';

/** Dispositions, wrap-up and the webhook with the administrator's policy over the agent's own. */
export async function loadAfterCallSettings(): Promise<AfterCallSettings> {
  const [own, policy] = await Promise.all([read(storageKeys.afterCallSettings), read(storageKeys.policy)]);
  return withPolicy('afterCallSettings', own, policy);
}

/** Saves only valid settings, checked with the policy's fields over them, which stay the policy's. */
export async function saveAfterCallSettings(input: unknown): Promise<{ ok: true } | { ok: false; errors: AfterCallErrorCode[] }> {
  const policy = await read(storageKeys.policy);
  const parsed = parseAfterCallSettings(typeof input === 'object' && input !== null ? withPolicy('afterCallSettings', input, policy) : input);
  if (!parsed.ok) return parsed;
  const own = ownPart('afterCallSettings', parsed.value, await read(storageKeys.afterCallSettings), policy);
  await writeStorage((writer) => writer.set(storageKeys.afterCallSettings, { ...defaultAfterCallSettings, ...own }));
  return { ok: true };
}
