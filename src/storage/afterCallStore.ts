import { type AfterCallErrorCode, type AfterCallSettings, defaultAfterCallSettings, parseAfterCallSettings } from '../aftercall/settings';
import { storageKeys } from './keys';
import { readUnderPolicy, saveUnderPolicy } from './policyOverlay';

/** Dispositions, wrap-up and the webhook with the administrator's policy over the agent's own. */
export function loadAfterCallSettings(): Promise<AfterCallSettings> {
  return readUnderPolicy('afterCallSettings', storageKeys.afterCallSettings);
}

export function saveAfterCallSettings(input: unknown): Promise<{ ok: true } | { ok: false; errors: AfterCallErrorCode[] }> {
  return saveUnderPolicy('afterCallSettings', storageKeys.afterCallSettings, input, parseAfterCallSettings, defaultAfterCallSettings);
}
