import type { AppError } from '../calls/errors';
import type { SoftphoneSnapshot } from '../calls/snapshot';
import { request } from '../protocol/client';
import type { Result } from '../protocol/api';
import { t } from '../ui/i18n';
import { useSnapshot } from '../ui/useSnapshot';
import { CallPanel } from './CallPanel';
import { Keypad } from './Keypad';
import { StatusBar } from './StatusBar';

/** Commands report failures through the snapshot's lastError; this only catches a missing softphone. */
async function send(command: Promise<Result<unknown>>): Promise<void> {
  await command.catch(() => undefined);
}

function ErrorLine({ error }: { error: AppError | null }) {
  return (
    <p class="error" role="alert">
      {error?.message ?? ''}
      {error?.code === 'microphone_denied' && (
        <button type="button" class="link-button" onClick={() => void request('background', 'openMicrophoneSetup', {})}>
          {t('allowMicrophone')}
        </button>
      )}
    </p>
  );
}

function LastCall({ snapshot }: { snapshot: SoftphoneSnapshot }) {
  const call = snapshot.lastEndedCall;
  if (!call?.end) return null;
  return (
    <p class="last-call" aria-label={t('lastCallLabel')}>
      {t('lastCall', [call.remoteName ?? call.remoteNumber, call.end.message])}
    </p>
  );
}

export function App() {
  const snapshot = useSnapshot();
  if (snapshot === null) return <p class="loading">{t('loading')}</p>;
  const current = snapshot.calls.find((c) => c.state === 'incoming') ?? snapshot.calls[0];
  return (
    <main class="popup">
      <StatusBar registration={snapshot.registration} />
      {current ? (
        <CallPanel
          call={current}
          onAnswer={(callId) => void send(request('background', 'answer', { callId }))}
          onDecline={(callId) => void send(request('background', 'decline', { callId }))}
          onHangup={(callId) => void send(request('background', 'hangup', { callId }))}
        />
      ) : (
        <>
          <Keypad disabled={snapshot.registration.state !== 'registered'} onCall={(target) => void send(request('background', 'call', { target }))} />
          <LastCall snapshot={snapshot} />
        </>
      )}
      <ErrorLine error={snapshot.lastError} />
    </main>
  );
}
