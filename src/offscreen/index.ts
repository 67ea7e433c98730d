import { homeCountryCode } from '../callerid/numbers';
import { ringToneFor } from '../calls/callControl';
import { endToneFor, ongoingToneFor, type TonePlan, tonePlanFor } from '../calls/callTones';
import { coalesce } from '../calls/coalesce';
import { appError } from '../calls/errors';
import { isInstanceId, type SipIdentity, sipIdentity } from '../calls/sipIdentity';
import type { SoftphoneSnapshot } from '../calls/snapshot';
import { callContactOf } from '../contacts/callContact';
import { readableNumber } from '../numbers/readable';
import type { Result } from '../protocol/api';
import { broadcast, isExtensionPage, request } from '../protocol/client';
import { serve } from '../protocol/server';
import { type AccountSettings, parseAccountSettings, preferencesOrDefaults } from '../settings';
import { attachAvailability } from './availability';
import { CallTonePlayer } from './callTones';
import { attachCardDavBooks } from './cardDavBooks';
import { attachColleagues } from './colleagues';
import { ContactDirectory } from './contactDirectory';
import { CrmLookup } from './crmLookup';
import { diagnostics } from './diagnostics';
import { attachLocalBook } from './localBook';
import { watchMicrophonePermission } from './media';
import { attachQueues } from './queueCalls';
import { Ringer } from './ringer';
import { Softphone } from './softphone';

/** At most one snapshot per 50 ms reaches the views, unless a call starts or ends or a request comes. */
const publish = coalesce<SoftphoneSnapshot>(
  (snapshot) => broadcast({ event: 'snapshot', snapshot }),
  50,
  (last, next) =>
    last?.lastEndedCall?.id !== next.lastEndedCall?.id ||
    last?.calls.length !== next.calls.length ||
    last?.transferRequests.length !== next.transferRequests.length,
);
const softphone = new Softphone(publish);
const callTones = new CallTonePlayer();
let tonePlan: TonePlan = 'europe';
softphone.remoteAudio = (stream) => callTones.listen(stream);

const contacts = new ContactDirectory();
let contactsCountry: ReturnType<typeof homeCountryCode> = null;
const localBook = attachLocalBook(
  contacts,
  () => contactsCountry,
  (done, total) => broadcast({ event: 'contactsImport', done, total }),
);
const cardDavBooks = attachCardDavBooks(contacts);
const crm = new CrmLookup(() => softphone.renameCalls());
softphone.readableNumber = (number) => readableNumber(number, contactsCountry);
softphone.contactOf = (number) => callContactOf(contacts.lookup(number)) ?? crm.contactOf(number);
contacts.onChange(() => {
  softphone.renameCalls();
  broadcast({ event: 'contactsChanged' });
});

function followHomeCountry(homeCountry: string | null | undefined, preferences: unknown, crmLookupUrl = ''): void {
  contactsCountry = homeCountryCode(homeCountry);
  contacts.setHomeCountry(contactsCountry);
  crm.configure(crmLookupUrl, contactsCountry);
  tonePlan = tonePlanFor(homeCountry);
  callTones.prepare(tonePlan, preferencesOrDefaults(preferences).speakerId);
}

function identityOf(instanceId: string | null): SipIdentity | null {
  return isInstanceId(instanceId) ? sipIdentity(instanceId) : null;
}

function validAccount(input: unknown): AccountSettings | null {
  if (input === null) return null;
  const parsed = parseAccountSettings(input);
  return parsed.ok ? parsed.value : null;
}

serve(
  'offscreen',
  {
    configure: ({ account, preferences, instanceId, homeCountry, crmLookupUrl }): Result => {
      const valid = validAccount(account);
      if (account !== null && valid === null) return { ok: false, error: appError('invalid_settings') };
      followHomeCountry(homeCountry, preferences, crmLookupUrl);
      softphone.configure(valid, preferencesOrDefaults(preferences), identityOf(instanceId));
      return { ok: true, value: null };
    },
    getSnapshot: () => softphone.snapshot,
    call: ({ target }) => softphone.call(target),
    answer: ({ callId }) => softphone.answer(callId),
    decline: ({ callId }) => softphone.decline(callId),
    hangup: ({ callId }) => softphone.hangup(callId),
    callStats: ({ callId }) => softphone.callStats(callId),
    setMuted: ({ callId, muted }) => softphone.setMuted(callId, muted),
    setHeld: ({ callId, held }) => softphone.setHeld(callId, held),
    switchTo: ({ callId }) => softphone.switchTo(callId),
    sendDtmf: ({ callId, tones }) => softphone.sendDtmf(callId, tones),
    transfer: ({ callId, target }) => softphone.transfer(callId, target),
    consult: ({ callId, target }) => softphone.consult(callId, target),
    completeTransfer: ({ callId, consultCallId }) => softphone.completeTransfer(callId, consultCallId),
    merge: ({ callId, otherCallId }) => softphone.merge(callId, otherCallId),
    split: ({ callId }) => softphone.split(callId),
    answerTransferRequest: ({ requestId, accept }) => softphone.answerTransferRequest(requestId, accept),
    diagnostics: ({ frequencies }) => diagnostics(softphone.snapshot.calls.length, callTones.analysis(frequencies)),
    ...attachQueues(softphone),
    ...attachAvailability(softphone),
    ...attachColleagues(softphone),
    searchContacts: ({ query, limit }) => ({ ...contacts.search(query, limit), total: contacts.size }),
    contactsForNumbers: ({ numbers }) => numbers.map((n) => contacts.byNumber(n)),
    ...localBook,
    ...cardDavBooks,
  },
  isExtensionPage,
);

addEventListener('online', () => softphone.reconnectNow());

const ringer = new Ringer();
softphone.subscribe((snapshot) => ringer.update(ringToneFor(snapshot.calls), softphone.currentPreferences.ringerId));
let lastEndedId: string | undefined;
softphone.subscribe(({ calls, lastEndedCall }) => {
  const ended = lastEndedCall && lastEndedCall.id !== lastEndedId ? lastEndedCall : null;
  lastEndedId = lastEndedCall?.id;
  callTones.play(ongoingToneFor(calls) ?? (ended ? endToneFor(ended) : null), tonePlan, softphone.currentPreferences.speakerId);
});

void watchMicrophonePermission((state) => softphone.setMicrophonePermission(state));
/**
 * Asks the service worker for the settings (this document has no storage of its own) until it
 * answers: a storage or IndexedDB error there must not leave the softphone unconfigured for good.
 */
async function loadSettings(attempt = 0): Promise<void> {
  try {
    const { account, preferences, instanceId, homeCountry, crmLookupUrl } = await request('background', 'offscreenReady', {});
    followHomeCountry(homeCountry, preferences, crmLookupUrl);
    softphone.configure(validAccount(account), preferencesOrDefaults(preferences), identityOf(instanceId));
  } catch (error) {
    console.warn('settings could not be loaded, trying again:', error);
    setTimeout(() => void loadSettings(attempt + 1), Math.min(30_000, 1000 * 2 ** attempt));
  }
}

void loadSettings();
