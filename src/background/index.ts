import browser from 'webextension-polyfill';
import { isExtensionPage, onBroadcast } from '../protocol/client';
import { serveContentScripts } from '../protocol/clickToCall';
import { serve } from '../protocol/server';
import { accountRoutes, forwardConfigurationChanges, openWelcomePage } from './accountRoutes';
import { callerIdOf, callerIdRoutes } from './callerIdRoutes';
import { countMissedCallsOnBadge, showSnapshotOnBadge } from './badge';
import { clickToCallContentRoutes, clickToCallRoutes, followPermissionChanges, installCallSelectionMenu } from './clickToCall';
import { answerFromNotifications, reconcileIncomingCallNotifications, showIncomingCallNotifications } from './incomingNotification';
import { ensureOffscreenDocument } from './offscreenDocument';
import { recentCallsRoutes, recordEndedCall } from './recentCallsStore';
import { queueRoutes, startQueues } from './queueRoutes';
import { softphoneRoutes } from './softphoneRoutes';
import { watchOffscreenDocument } from './watchdog';
import { movePasswordOutOfStorage } from '../storage/accountStore';

// The service worker's composition root: each feature contributes its routes and listeners here.
serve('background', { ...softphoneRoutes, ...accountRoutes, ...callerIdRoutes, ...recentCallsRoutes, ...queueRoutes, ...clickToCallRoutes }, isExtensionPage);
// Content scripts get their own, narrow door: a clicked number, and nothing else.
serveContentScripts(clickToCallContentRoutes);

onBroadcast((message) => {
  if (message.event !== 'snapshot') return;
  showSnapshotOnBadge(message.snapshot);
  void showIncomingCallNotifications(message.snapshot);
  const ended = message.snapshot.lastEndedCall;
  if (ended?.purpose === 'call') void recordEndedCall(ended, callerIdOf);
});
countMissedCallsOnBadge();
answerFromNotifications();
void reconcileIncomingCallNotifications().catch((error: unknown) => console.warn('incoming-call notifications not reconciled:', error));
startQueues();
installCallSelectionMenu();
followPermissionChanges();

forwardConfigurationChanges();

browser.runtime.onInstalled.addListener(async ({ reason }) => {
  if (reason === 'install') await openWelcomePage();
});
browser.runtime.onStartup.addListener(() => void ensureOffscreenDocument());

// Only extension pages may read storage.local, never content scripts. (Firefox has no access
// levels: there the call is skipped, its arguments unevaluated; the SIP password is kept out of
// storage.local in both, see accountStore.)
void chrome.storage.local.setAccessLevel?.({ accessLevel: chrome.storage.AccessLevel.TRUSTED_CONTEXTS });
void movePasswordOutOfStorage();

watchOffscreenDocument();
