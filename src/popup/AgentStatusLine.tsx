import { useState } from 'preact/hooks';
import { nextTimeOfDay } from '../aftercall/agentStatus';
import { t } from '../i18n';
import { request } from '../protocol/client';
import { storageKeys } from '../storage/keys';
import { formatDuration } from '../ui/format';
import { useWithPolicy } from '../ui/usePolicy';
import { useClock } from '../ui/useSnapshot';
import { useStoredValue } from '../ui/useStoredValue';
import { CallNotes } from './CallNotes';

function timeOf(at: number): string {
  return new Date(at).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
}

/**
 * The agent's status under the softphone's: ready, wrap-up with its countdown and Ready now (and
 * the ended call's notes and disposition), not ready, do not disturb until a time.
 */
export function AgentStatusLine() {
  const status = useStoredValue(storageKeys.agentStatus);
  const settings = useWithPolicy('afterCallSettings', storageKeys.afterCallSettings).value;
  const notes = useStoredValue(storageKeys.callNotes);
  const recent = useStoredValue(storageKeys.recentCalls);
  const now = useClock(status.mode === 'wrapUp');
  const [dndTime, setDndTime] = useState('');
  const [refusal, setRefusal] = useState<string | null>(null);

  const set = (mode: 'ready' | 'notReady' | 'dnd', until?: number): void => {
    setRefusal(null);
    void request('background', 'setAgentStatus', until === undefined ? { mode } : { mode, until }).then((result) => {
      if (!result.ok) setRefusal(result.reason === 'disposition_required' ? t('readyRefusedDisposition') : t('dndTimeInvalid'));
    });
  };

  const waitsForTag = status.mode === 'wrapUp' && status.needsDisposition && !notes[status.callId ?? '']?.disposition;
  const left = status.mode === 'wrapUp' && status.until !== null ? Math.max(0, status.until - now) : 0;
  let text: string;
  if (status.mode === 'wrapUp') text = left > 0 ? t('agentWrapUpLeft', formatDuration(left + 999)) : t('agentWaitsForDisposition');
  else if (status.mode === 'notReady') text = t('agentNotReady');
  else if (status.mode === 'dnd') text = t('agentDndUntil', timeOf(status.until ?? now));
  else text = t('agentReady');
  const ended = status.mode === 'wrapUp' ? recent.find((c) => c.id === status.callId) : undefined;

  return (
    <section class={`agent-status agent-${status.mode}`} aria-label={t('agentStatusLabel')}>
      <p class="agent-status-line">
        <span role="timer" aria-label={t('agentStatusLabel')}>
          {text}
          {waitsForTag && left > 0 ? ` · ${t('agentWaitsForDisposition')}` : ''}
        </span>
        {status.mode === 'wrapUp' && (
          <button type="button" class="primary" onClick={() => set('ready')}>
            {t('readyNow')}
          </button>
        )}
        {(status.mode === 'notReady' || status.mode === 'dnd') && (
          <button type="button" onClick={() => set('ready')}>
            {t('setReady')}
          </button>
        )}
        {status.mode === 'ready' && (
          <button type="button" onClick={() => set('notReady')}>
            {t('setNotReady')}
          </button>
        )}
      </p>
      {status.mode === 'ready' && (
        <details class="dnd-until">
          <summary>{t('dndUntilTime')}…</summary>
          <form
            onSubmit={(event) => {
              event.preventDefault();
              const until = nextTimeOfDay(dndTime, Date.now());
              if (until === null) setRefusal(t('dndTimeInvalid'));
              else set('dnd', until);
            }}
          >
            <label>
              {t('dndUntilTime')} <input type="time" value={dndTime} onInput={(e) => setDndTime(e.currentTarget.value)} />
            </label>
            <button type="submit">{t('dndStart')}</button>
          </form>
        </details>
      )}
      {status.mode === 'wrapUp' && status.callId && (
        <CallNotes
          callId={status.callId}
          note={notes[status.callId]}
          dispositions={settings.dispositions}
          label={t('notesFor', ended?.name ?? ended?.number ?? '')}
        />
      )}
      {refusal && (
        <p class="error" role="alert">
          {refusal}
        </p>
      )}
    </section>
  );
}
