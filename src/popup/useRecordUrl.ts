import { useEffect, useState } from 'preact/hooks';
import type { CallSnapshot } from '../calls/snapshot';
import { request } from '../protocol/client';
import { storageKeys } from '../storage/keys';
import { watchAny } from '../storage/read';

/** What the record URL depends on besides the call: asked again when one of them changes. */
const SETTINGS = [storageKeys.screenPopSettings, storageKeys.cardDavSources, storageKeys.callerId, storageKeys.policy];

/**
 * The caller's record for the call panel's Open record button: the same URL the screen-pop opens,
 * worked out by the service worker (the popup does not load the phone number tables).
 */
export function useRecordUrl(call: CallSnapshot): string | null {
  const [url, setUrl] = useState<string | null>(call.contact?.recordUrl ?? null);
  const [settingsChanged, setSettingsChanged] = useState(0);
  useEffect(() => watchAny(SETTINGS, () => setSettingsChanged((n) => n + 1)), []);
  const contact = call.contact ?? null;
  const contactKey = JSON.stringify(contact);
  useEffect(() => {
    let live = true;
    void request('background', 'recordUrlOf', { remoteNumber: call.remoteNumber, purpose: call.purpose, contact })
      .then((answer) => live && setUrl(answer.url))
      .catch(() => live && setUrl(contact?.recordUrl ?? null));
    return () => {
      live = false;
    };
  }, [call.remoteNumber, call.purpose, contactKey, settingsChanged]);
  return url;
}
