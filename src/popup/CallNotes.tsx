import { useState } from 'preact/hooks';
import { NOTES_MAX_LENGTH } from '../aftercall/callRecord';
import type { StoredNote } from '../aftercall/notes';
import { t } from '../i18n';
import { request } from '../protocol/client';
import { storageKeys } from '../storage/keys';
import { useWithPolicy } from '../ui/usePolicy';
import { useStoredValue } from '../ui/useStoredValue';

/**
 * Notes and disposition of one call, saved as typed: every change goes to the service worker at
 * once (there is no Save button), so closing the popup mid-word loses nothing.
 */
export function CallNotes({ callId, note, dispositions, label }: { callId: string; note: StoredNote | undefined; dispositions: string[]; label: string }) {
  // The stored text until the agent types; theirs from then on (a late echo must not move the caret).
  const [typed, setTyped] = useState<string | null>(null);
  const [failed, setFailed] = useState(false);
  const save = (change: { notes?: string; disposition?: string | null }): void => {
    void request('background', 'saveCallNote', { callId, ...change })
      .then((result) => setFailed(!result.ok))
      .catch(() => setFailed(true));
  };
  const disposition = note?.disposition ?? null;
  return (
    <div class="call-notes">
      <textarea
        aria-label={label}
        placeholder={t('notesLabel')}
        maxLength={NOTES_MAX_LENGTH}
        rows={2}
        value={typed ?? note?.notes ?? ''}
        onInput={(event) => {
          const text = event.currentTarget.value;
          setTyped(text);
          save({ notes: text });
        }}
      />
      {dispositions.length > 0 && (
        <div class="dispositions" role="group" aria-label={t('dispositionLabel')}>
          {dispositions.map((d) => (
            <button type="button" key={d} class="chip" aria-pressed={disposition === d} onClick={() => save({ disposition: disposition === d ? null : d })}>
              {d}
            </button>
          ))}
        </div>
      )}
      {failed && (
        <p class="error" role="alert">
          {t('notesSaveFailed')}
        </p>
      )}
    </div>
  );
}

/** The notes of the call in progress, in the call panel. */
export function LiveCallNotes({ callId, party }: { callId: string; party: string }) {
  const notes = useStoredValue(storageKeys.callNotes);
  const settings = useWithPolicy('afterCallSettings', storageKeys.afterCallSettings).value;
  return <CallNotes callId={callId} note={notes[callId]} dispositions={settings.dispositions} label={t('notesFor', party)} />;
}
