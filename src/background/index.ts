import { isExtensionPage, onBroadcast } from '../protocol/client';
import { serve } from '../protocol/server';
import { movePasswordOutOfStorage } from '../storage/accountStore';
import { recordEndedCall } from '../storage/recentCallsStore';
import { adoptEarlierScreenPopMode } from '../storage/screenPopStore';
import { accountRoutes, forwardConfigurationChanges, openWelcomePage } from './accountRoutes';
import { afterCallEnded, afterCallRoutes, startAfterCall } from './aftercall';
import { countMissedCallsOnBadge, showSnapshotOnBadge } from './badge';
import { callerIdOf, callerIdRoutes } from './callerIdRoutes';
import { startCardDavPolicy } from './cardDavPolicy';
import { cardDavRoutes, startCardDav } from './cardDavRoutes';
import { clickToCallContentRoutes, clickToCallRoutes, startClickToCall } from './clickToCall';
import { colleagueRoutes, startColleagues } from './colleagueRoutes';
import { contactRoutes, contactSourceRoutes } from './contactRoutes';
import { answerFromNotifications, reconcileIncomingCallNotifications, showIncomingCallNotifications } from './incomingNotification';
import { ensureOffscreenDocument } from './offscreenDocument';
import { startPolicy } from './policy';
import { queueRoutes, startQueues } from './queueRoutes';
import { recentCallsRoutes } from './recentCallsRoutes';
import { openCallerRecords } from './screenPop';
import { answerShortcuts } from './shortcuts';
import { cacheSnapshot } from './snapshotCache';
import { softphoneRoutes } from './softphoneRoutes';
import { answerTransferRequestsFromNotifications, showTransferRequestNotifications } from './transferRequestNotification';
import { watchOffscreenDocument } from './watchdog';

// The service worker's composition root: each feature contributes its routes and listeners here.
// Extension pages may make every request but the content scripts' two (a clicked number, how to
// read numbers), which serve() takes from content scripts only.
serve(
  'background',
  {
    ...softphoneRoutes,
    ...accountRoutes,
    ...callerIdRoutes,
    ...recentCallsRoutes,
    ...queueRoutes,
    ...clickToCallRoutes,
    ...cardDavRoutes,
    ...clickToCallContentRoutes,
    ...afterCallRoutes,
    ...colleagueRoutes,
    ...contactRoutes,
    ...contactSourceRoutes,
  },
  isExtensionPage,
);

onBroadcast((message) => {
  if (message.event !== 'snapshot') return;
  cacheSnapshot(message.snapshot);
  showSnapshotOnBadge(message.snapshot);
  void showIncomingCallNotifications(message.snapshot);
  void showTransferRequestNotifications(message.snapshot);
  void openCallerRecords(message.snapshot).catch((error: unknown) => console.warn('caller record not opened:', error));
  const ended = message.snapshot.lastEndedCall;
  if (ended?.purpose === 'call') {
    void recordEndedCall(ended, callerIdOf);
    void afterCallEnded(ended, message.snapshot.registration.account, callerIdOf);
  }
});
countMissedCallsOnBadge();
answerFromNotifications();
answerTransferRequestsFromNotifications();
answerShortcuts();
void reconcileIncomingCallNotifications().catch((error: unknown) => console.warn('incoming-call notifications not reconciled:', error));
startPolicy();
void adoptEarlierScreenPopMode().catch((error: unknown) => console.warn('screen-pop mode not carried over:', error));
startQueues();
startColleagues();
startClickToCall();
startCardDav();
startCardDavPolicy();
startAfterCall();

forwardConfigurationChanges();

chrome.runtime.onInstalled.addListener(async ({ reason }) => {
  if (reason === 'install') await openWelcomePage();
});
chrome.runtime.onStartup.addListener(() => void ensureOffscreenDocument());

// Only extension pages may read storage.local, never content scripts. (Firefox has no access
// levels: there the call is skipped, its arguments unevaluated; the SIP password is kept out of
// storage.local in both, see accountStore.)
void chrome.storage.local.setAccessLevel?.({ accessLevel: chrome.storage.AccessLevel.TRUSTED_CONTEXTS });
void movePasswordOutOfStorage();

watchOffscreenDocument();
