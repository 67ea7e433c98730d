import browser from 'webextension-polyfill';
import { isInstanceId } from '../calls/sipIdentity';
import { accountAddress, type AccountSettings } from '../settings';

/**
 * The +sip.instance of each account this browser has registered (user@domain → UUID), made once
 * and kept across restarts: the PBX then sees one device per account whatever happens to the
 * connection. Not in the settings file: two agents importing one file must not share a device.
 */
export const SIP_INSTANCES_KEY = 'sipInstances';

let writing: Promise<unknown> = Promise.resolve();

export async function sipInstanceIdFor(account: AccountSettings): Promise<string> {
  const address = accountAddress(account).toLowerCase();
  // Serialised, so two configurations loaded at once cannot each make their own.
  const made = writing.then(async () => {
    const stored = (await browser.storage.local.get(SIP_INSTANCES_KEY))[SIP_INSTANCES_KEY];
    const instances: Record<string, unknown> = typeof stored === 'object' && stored !== null ? { ...(stored as Record<string, unknown>) } : {};
    const kept = instances[address];
    if (isInstanceId(kept)) return kept;
    const instanceId = crypto.randomUUID();
    await browser.storage.local.set({ [SIP_INSTANCES_KEY]: { ...instances, [address]: instanceId } });
    return instanceId;
  });
  writing = made.catch(() => undefined);
  return made;
}
