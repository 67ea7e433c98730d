import { useEffect } from 'preact/hooks';
import type { CallSnapshot } from '../calls/snapshot';
import { formatDuration } from '../ui/format';
import { t } from '../ui/i18n';
import { useClock } from '../ui/useSnapshot';

export interface CallPanelProps {
  call: CallSnapshot;
  onAnswer(callId: string): void;
  onDecline(callId: string): void;
  onHangup(callId: string): void;
}

function callStatus(call: CallSnapshot, now: number): string {
  switch (call.state) {
    case 'dialing':
      return t('callDialing');
    case 'ringing':
      return t('callRinging');
    case 'incoming':
      return t('callIncoming');
    case 'connecting':
      return t('callConnecting');
    case 'active':
      return formatDuration(now - (call.answeredAt ?? now));
    case 'ended':
      return call.end?.message ?? t('callEnded');
  }
}

export function CallPanel({ call, onAnswer, onDecline, onHangup }: CallPanelProps) {
  const now = useClock(call.state === 'active');
  const ringing = call.state === 'incoming';

  useEffect(() => {
    // Esc hangs up (or declines) the call while the popup has focus.
    const onKey = (event: KeyboardEvent): void => {
      if (event.key !== 'Escape') return;
      event.preventDefault();
      if (ringing) onDecline(call.id);
      else onHangup(call.id);
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [call.id, ringing]);

  return (
    <section class={`call-panel call-${call.state}`} aria-label={ringing ? t('incomingCallLabel') : t('currentCallLabel')}>
      <p class="remote-name">{call.remoteName ?? call.remoteNumber}</p>
      {call.remoteName && <p class="remote-number">{call.remoteNumber}</p>}
      <p class="call-status" role="timer" aria-live="polite" aria-label={t('callStatusLabel')}>
        {callStatus(call, now)}
      </p>
      <div class="call-actions">
        {ringing ? (
          <>
            <button type="button" class="answer-button" onClick={() => onAnswer(call.id)} autoFocus>
              {t('answer')}
            </button>
            <button type="button" class="hangup-button" onClick={() => onDecline(call.id)}>
              {t('decline')}
            </button>
          </>
        ) : (
          <button type="button" class="hangup-button" onClick={() => onHangup(call.id)} autoFocus>
            {t('hangUp')}
          </button>
        )}
      </div>
    </section>
  );
}
