import { useEffect, useState } from 'preact/hooks';
import type { CallSnapshot } from '../calls/snapshot';
import { t } from '../i18n';
import { callEndText } from '../i18n/errorText';
import { partyName } from '../i18n/party';
import { CallerIdLine } from '../ui/CallerIdLine';
import { formatDuration } from '../ui/format';
import { useCallerId } from '../ui/useCallerId';
import { useShortcuts, withShortcut } from '../ui/useShortcuts';
import { useClock } from '../ui/useSnapshot';
import { CallControls } from './CallControls';
import { LiveCallNotes } from './CallNotes';
import { CallQualityLine } from './CallQualityLine';
import type { CallCommands } from './callCommands';
import { MediaProblemNote } from './MediaProblemNote';
import { SaveContactForm } from './SaveContactForm';
import { useRecordUrl } from './useRecordUrl';

export interface CallPanelProps {
  call: CallSnapshot;
  /** The other live calls (on hold, or the call this one consults for). */
  others: CallSnapshot[];
  commands: CallCommands;
}

function callStatus(call: CallSnapshot, now: number): string {
  if (call.held) return t('callOnHold');
  if (call.heldByRemote) return t('callHeldByRemote');
  if (call.transferringTo) return t('callTransferring', call.transferringTo);
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
      return call.end ? callEndText(call.end) : t('callEnded');
  }
}

const party = partyName;

export function CallPanel({ call, others, commands }: CallPanelProps) {
  const shortcuts = useShortcuts();
  const now = useClock(call.state === 'active');
  const callerId = useCallerId(call.direction === 'outgoing' && call.purpose === 'call' ? call.remoteNumber : '');
  const ringing = call.state === 'incoming';
  const recordUrl = useRecordUrl(call);

  useEffect(() => {
    // Esc hangs up (or declines) the call while the popup has focus.
    const onKey = (event: KeyboardEvent): void => {
      if (event.key !== 'Escape' || event.defaultPrevented) return;
      event.preventDefault();
      if (ringing) commands.decline(call.id);
      else commands.hangup(call.id);
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [call.id, ringing]);

  return (
    <section class={`call-panel call-${call.state}`} aria-label={ringing ? t('incomingCallLabel') : t('currentCallLabel')}>
      <p class="remote-name">{party(call)}</p>
      {call.contact ? (
        <p class="remote-number">{[call.contact.company, call.remoteNumber].filter(Boolean).join(' · ')}</p>
      ) : (
        call.remoteName && <p class="remote-number">{call.remoteNumber}</p>
      )}
      {recordUrl && (
        <button type="button" class="link-button" onClick={() => void chrome.tabs.create({ url: recordUrl })}>
          {t('openRecord')}
        </button>
      )}
      {!call.contact && call.remoteNumber !== '' && call.purpose === 'call' && <SaveCaller call={call} />}
      {call.queueName && <p class="call-queue">{t('queueIncoming', call.queueName)}</p>}
      <p class="call-status" role="timer" aria-live="polite" aria-label={t('callStatusLabel')}>
        {callStatus(call, now)}
      </p>
      {call.state === 'active' && <CallQualityLine quality={call.quality} explained={Boolean(call.media?.problems.length)} />}
      <MediaProblemNote report={call.media} />
      {call.direction === 'outgoing' && <CallerIdLine resolved={callerId} />}
      {ringing ? (
        <div class="call-actions">
          <button
            type="button"
            class="answer-button"
            title={withShortcut(others.length > 0 ? t('answerAndHold') : t('answer'), shortcuts['answer-call'])}
            onClick={() => commands.answer(call.id)}
            autoFocus
          >
            {others.length > 0 ? t('answerAndHold') : t('answer')}
          </button>
          <button type="button" class="hangup-button" title={withShortcut(t('decline'), shortcuts['decline-call'])} onClick={() => commands.decline(call.id)}>
            {t('decline')}
          </button>
        </div>
      ) : (
        <CallControls call={call} others={others} commands={commands} />
      )}
      {!ringing && call.purpose === 'call' && <LiveCallNotes callId={call.id} party={party(call)} />}
      <OtherCalls calls={others} focused={call} commands={commands} />
    </section>
  );
}

/** "Save as contact" for a party the contacts do not know yet; once saved the call is named from the contact. */
function SaveCaller({ call }: { call: CallSnapshot }) {
  const [open, setOpen] = useState(false);
  return open ? (
    <SaveContactForm number={call.remoteNumber} suggestedName={call.remoteName} onDone={() => setOpen(false)} />
  ) : (
    <button type="button" class="link-button" aria-label={t('saveAsContactLabel', call.remoteNumber)} onClick={() => setOpen(true)}>
      {t('saveAsContact')}
    </button>
  );
}

function OtherCalls({ calls, focused, commands }: { calls: CallSnapshot[]; focused: CallSnapshot; commands: CallCommands }) {
  if (calls.length === 0) return null;
  return (
    <ul class="other-calls" aria-label={t('otherCallsLabel')}>
      {calls.map((other) => (
        <li key={other.id}>
          <span>
            {party(other)} ·{' '}
            {other.conferenceWith === focused.id
              ? t('callInConference')
              : other.held
                ? t('callOnHold')
                : other.state === 'incoming'
                  ? t('callIncoming')
                  : t('callInProgress')}
          </span>
          {other.conferenceWith === focused.id && (
            <button type="button" onClick={() => commands.split(focused.id)} aria-label={t('splitLabel', party(other))}>
              {t('split')}
            </button>
          )}
          {other.state === 'active' && focused.state === 'active' && !focused.conferenceWith && !other.conferenceWith && (
            <button type="button" onClick={() => commands.merge(focused.id, other.id)} aria-label={t('mergeLabel', [party(focused), party(other)])}>
              {t('merge')}
            </button>
          )}
          {other.state === 'active' && focused.state !== 'incoming' && other.conferenceWith !== focused.id && (
            <button type="button" onClick={() => commands.switchTo(other.id)} aria-label={t('switchTo', party(other))}>
              {t('swap')}
            </button>
          )}
          {focused.consultationFor === other.id && focused.state === 'active' && (
            <button
              type="button"
              class="primary"
              onClick={() => commands.completeTransfer(other.id, focused.id)}
              aria-label={t('completeTransferLabel', [party(other), party(focused)])}
            >
              {t('completeTransfer')}
            </button>
          )}
        </li>
      ))}
    </ul>
  );
}
