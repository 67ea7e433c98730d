import { isInstanceId } from '../calls/sipIdentity';
import { type AccountSettings, accountAddress } from '../settings';
import { storageKeys } from './keys';
import { read } from './read';
import { writeStorage } from './write';

/**
 * The +sip.instance of each account this browser has registered (user@domain → UUID), made once
 * and kept across restarts: the PBX then sees one device per account whatever happens to the
 * connection. Not in the settings file: two agents importing one file must not share a device.
 */
export function sipInstanceIdFor(account: AccountSettings): Promise<string> {
  const address = accountAddress(account).toLowerCase();
  return writeStorage(async (writer) => {
    const instances = await read(storageKeys.sipInstances);
    const kept = instances[address];
    if (isInstanceId(kept)) return kept;
    const instanceId = crypto.randomUUID();
    await writer.set(storageKeys.sipInstances, { ...instances, [address]: instanceId });
    return instanceId;
  });
}
