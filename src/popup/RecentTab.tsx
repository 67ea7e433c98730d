import { useEffect, useState } from 'preact/hooks';
import { callBackNeedsConfirmation, type RecentCall } from '../calls/recentCalls';
import { t } from '../i18n';
import { outcomeText } from '../i18n/errorText';
import { request } from '../protocol/client';
import { storageKeys } from '../storage/keys';
import { formatDuration } from '../ui/format';
import { Icon, type IconName } from '../ui/icons';
import { useContactsForNumbers } from '../ui/useContacts';
import { useWithPolicy } from '../ui/usePolicy';
import { useStoredValue } from '../ui/useStoredValue';
import { CallNotes } from './CallNotes';
import { RecentSummary } from './RecentExport';
import { SaveContactForm } from './SaveContactForm';

const directionLabel = {
  incoming: () => t('recentIncoming'),
  outgoing: () => t('recentOutgoing'),
  missed: () => t('recentMissed'),
};
const directionIcon: Record<RecentCall['direction'], IconName> = { incoming: 'arrowDownLeft', outgoing: 'arrowUpRight', missed: 'close' };

function when(startedAt: number): string {
  const date = new Date(startedAt);
  const today = new Date().toDateString() === date.toDateString();
  return today ? date.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' }) : date.toLocaleDateString([], { day: 'numeric', month: 'short' });
}

export function RecentTab({ calls, onCall }: { calls: RecentCall[]; onCall(number: string): void }) {
  const [confirming, setConfirming] = useState(false);
  /** The entry whose caller-chosen feature code waits for the agent's say-so before it is dialled. */
  const [askingFor, setAskingFor] = useState<string | null>(null);
  const [notesOpen, setNotesOpen] = useState<string | null>(null);
  const notes = useStoredValue(storageKeys.callNotes);
  const settings = useWithPolicy('afterCallSettings', storageKeys.afterCallSettings).value;
  /** The entry being saved as a contact. */
  const [saving, setSaving] = useState<string | null>(null);
  useEffect(() => {
    void request('background', 'markRecentCallsSeen', {});
  }, [calls.length]);
  const shown = calls.slice(0, 200);
  // Named from the contacts as they are now: a contact added or changed since renames its calls.
  const contacts = useContactsForNumbers(shown.map((c) => c.number));

  if (calls.length === 0) return <p class="empty">{t('recentEmpty')}</p>;
  return (
    <div class="recent">
      <RecentSummary calls={calls} notes={notes} />
      <ul class="recent-list" aria-label={t('recentCallsLabel')}>
        {shown.map((call) => {
          const contact = contacts.get(call.number);
          const name = contact?.name ?? call.name;
          return (
            <li key={call.id} class={`recent-call recent-${call.direction}`}>
              <span class="recent-icon">
                <Icon name={directionIcon[call.direction]} label={directionLabel[call.direction]()} />
              </span>
              <span class="recent-who">
                <span class="recent-name">{name ?? call.number}</span>
                <span class="recent-details">
                  {[
                    contact?.company ?? '',
                    name ? call.number : '',
                    when(call.startedAt),
                    call.durationMs > 0 ? formatDuration(call.durationMs) : outcomeText(call.outcome, call.outcomeCause),
                    call.callerId ? t('recentCallerId', call.callerId) : '',
                    notes[call.id]?.disposition ?? '',
                    call.quality && call.quality.worst !== 'good'
                      ? t('recentQuality', [t(call.quality.worst === 'poor' ? 'qualityPoor' : 'qualityFair'), String(call.quality.lossPercent)])
                      : '',
                  ]
                    .filter(Boolean)
                    .join(' · ')}
                </span>
                {notes[call.id]?.notes && notesOpen !== call.id && <span class="recent-notes">{notes[call.id]?.notes}</span>}
              </span>
              <button
                type="button"
                class="link-button"
                aria-expanded={notesOpen === call.id}
                aria-label={t('notesFor', name ?? call.number)}
                onClick={() => setNotesOpen(notesOpen === call.id ? null : call.id)}
              >
                {t('notesButton')}
              </button>
              <button
                type="button"
                class="icon-button"
                aria-label={t('callBack', name ?? call.number)}
                onClick={() => (callBackNeedsConfirmation(call) ? setAskingFor(call.id) : onCall(call.number))}
              >
                <Icon name="phone" />
              </button>
              {notesOpen === call.id && (
                <CallNotes callId={call.id} note={notes[call.id]} dispositions={settings.dispositions} label={t('notesFor', name ?? call.number)} />
              )}
              {!contact && call.number !== '' && (
                <button type="button" class="link-button" aria-label={t('saveAsContactLabel', call.number)} onClick={() => setSaving(call.id)}>
                  {t('saveAsContact')}
                </button>
              )}
              {saving === call.id && <SaveContactForm number={call.number} suggestedName={call.name} onDone={() => setSaving(null)} />}
              {askingFor === call.id && (
                <div class="confirm-row feature-code-confirm" role="alert">
                  <p>{t('featureCodeConfirm', call.number)}</p>
                  <button type="button" onClick={() => (setAskingFor(null), onCall(call.number))}>
                    {t('featureCodeDial', call.number)}
                  </button>
                  <button type="button" onClick={() => setAskingFor(null)} autoFocus>
                    {t('cancel')}
                  </button>
                </div>
              )}
            </li>
          );
        })}
      </ul>
      {confirming ? (
        <p class="confirm-row">
          <button type="button" onClick={() => void request('background', 'clearRecentCalls', {}).then(() => setConfirming(false))}>
            {t('confirmClearRecent')}
          </button>
          <button type="button" onClick={() => setConfirming(false)}>
            {t('cancel')}
          </button>
        </p>
      ) : (
        <button type="button" class="link-button" onClick={() => setConfirming(true)}>
          {t('clearRecent')}
        </button>
      )}
    </div>
  );
}
