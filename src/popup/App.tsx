import { useState } from 'preact/hooks';
import { focusedCall } from '../calls/callControl';
import type { AppError } from '../calls/errors';
import { unseenMissedCalls } from '../calls/recentCalls';
import { initialSnapshot, type SoftphoneSnapshot } from '../calls/snapshot';
import { t } from '../i18n';
import { callEndText, errorText } from '../i18n/errorText';
import { partyNumber } from '../i18n/party';
import type { Result } from '../protocol/api';
import { request } from '../protocol/client';
import { storageKeys } from '../storage/keys';
import { OutboxLine } from '../ui/OutboxLine';
import { usePolicy } from '../ui/usePolicy';
import { usePreferences } from '../ui/usePreferences';
import { useSnapshot } from '../ui/useSnapshot';
import { useStoredValue } from '../ui/useStoredValue';
import { AgentStatusLine } from './AgentStatusLine';
import { CallPanel } from './CallPanel';
import { ColleaguesTab } from './ColleaguesTab';
import { ContactsTab } from './ContactsTab';
import { callCommands } from './callCommands';
import { Keypad } from './Keypad';
import { MediaProblemNote } from './MediaProblemNote';
import { QueuesTab } from './QueuesTab';
import { RecentTab } from './RecentTab';
import { SiteToggle } from './SiteToggle';
import { StatusBar } from './StatusBar';
import { type Tab, Tabs } from './Tabs';
import { TransferRequests } from './TransferRequests';
import { usePendingNumber } from './usePendingNumber';

/** Commands report failures through the snapshot's lastError; this only catches a missing softphone. */
async function send(command: Promise<Result<unknown>>): Promise<void> {
  await command.catch(() => undefined);
}

const call = (target: string): void => void send(request('background', 'call', { target }));

function ErrorLine({ error }: { error: AppError | null }) {
  return (
    <p class="error" role="alert">
      {error ? errorText(error) : ''}
      {error?.code === 'microphone_denied' && (
        <button type="button" class="link-button" onClick={() => void request('background', 'openMicrophoneSetup', {})}>
          {t('allowMicrophone')}
        </button>
      )}
    </p>
  );
}

function LastCall({ snapshot }: { snapshot: SoftphoneSnapshot }) {
  const ended = snapshot.lastEndedCall;
  if (!ended?.end) return null;
  return (
    <>
      <p class="last-call" role="note" aria-label={t('lastCallLabel')}>
        {t('lastCall', [partyNumber(ended), callEndText(ended.end)])}
      </p>
      <MediaProblemNote report={ended.media} />
    </>
  );
}

const snapshotWhileLoading: SoftphoneSnapshot = { ...initialSnapshot, registration: { state: 'connecting', account: null, error: null } };

/**
 * `openingSnapshot`: the softphone's state as the service worker last kept it, so the first frame
 * shows the call or the registration as they are while the softphone is asked.
 */
export function App({ openingSnapshot = null }: { openingSnapshot?: SoftphoneSnapshot | null }) {
  // Render at once, before the softphone answers: the keypad is usable while the status loads.
  const snapshot = useSnapshot(openingSnapshot) ?? snapshotWhileLoading;
  const recentCalls = useStoredValue(storageKeys.recentCalls);
  const pendingNumber = usePendingNumber();
  const seenAt = useStoredValue(storageKeys.recentCallsSeenAt);
  const [tab, setTab] = useState('keypad');
  const [preferences] = usePreferences();
  const policy = usePolicy();

  // A queue login/logout call plays its short message without taking over the popup.
  const current = focusedCall(snapshot.calls.filter((c) => c.purpose !== 'service-code'));
  const missed = unseenMissedCalls(recentCalls, seenAt);
  const tabs: Tab[] = [
    {
      id: 'keypad',
      label: t('tabKeypad'),
      render: () => (
        <>
          <Keypad disabled={snapshot.registration.state !== 'registered'} onCall={call} initialNumber={pendingNumber} />
          <LastCall snapshot={snapshot} />
        </>
      ),
    },
    { id: 'recent', label: t('tabRecent'), badge: missed > 0 ? String(missed) : undefined, render: () => <RecentTab calls={recentCalls} onCall={call} /> },
    {
      id: 'contacts',
      label: t('tabContacts'),
      render: () => <ContactsTab onCall={call} disabled={snapshot.registration.state !== 'registered'} />,
    },
    { id: 'queues', label: t('tabQueues'), render: () => <QueuesTab /> },
    {
      id: 'colleagues',
      label: t('tabColleagues'),
      render: () => <ColleaguesTab presence={snapshot.colleagues} registered={snapshot.registration.state === 'registered'} onCall={call} />,
    },
  ];

  return (
    <main class="popup">
      <StatusBar snapshot={snapshot} voicemailNumber={preferences.voicemailNumber} />
      <TransferRequests requests={snapshot.transferRequests} calls={snapshot.calls} />
      {!current && <AgentStatusLine />}
      {current ? (
        <CallPanel call={current} others={snapshot.calls.filter((c) => c !== current)} commands={callCommands} />
      ) : (
        <Tabs tabs={tabs} selected={tab} onSelect={setTab} />
      )}
      <ErrorLine error={snapshot.lastError} />
      <OutboxLine />
      <SiteToggle />
      {policy.managed && (
        <p class="managed-note" role="note">
          {t('policyManaged')}
        </p>
      )}
    </main>
  );
}
