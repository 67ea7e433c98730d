import { useState } from 'preact/hooks';
import { appError } from '../calls/errors';
import type { ColleaguePresence } from '../colleagues';
import { t } from '../i18n';
import { colleagueStateText } from '../i18n/colleagueText';
import { errorText } from '../i18n/errorText';
import { request } from '../protocol/client';
import { storageKeys } from '../storage/keys';
import { useWithPolicy } from '../ui/usePolicy';
import { useSnapshot } from '../ui/useSnapshot';

interface Props {
  presence: Record<string, ColleaguePresence> | undefined;
  registered: boolean;
  onCall(target: string): void;
}

/** Colleagues at a glance: each one's phone live, one click to call them or take their ringing call; quick calls below. */
export function ColleaguesTab({ presence, registered, onCall }: Props) {
  const settings = useWithPolicy('colleagueSettings', storageKeys.colleagueSettings).value;
  const [problem, setProblem] = useState('');
  const pickUp = async (extension: string): Promise<void> => {
    setProblem('');
    const result = await request('background', 'pickUp', { extension }).catch(() => null);
    if (result === null) setProblem(errorText(appError('offscreen_unavailable')));
    else if (!result.ok) setProblem(errorText(result.error));
  };
  if (settings.colleagues.length === 0 && settings.quickCalls.length === 0) {
    return (
      <p class="empty">
        {t('colleaguesEmpty')}{' '}
        <button type="button" class="link-button" onClick={() => chrome.runtime.openOptionsPage()}>
          {t('queuesOpenSettings')}
        </button>
      </p>
    );
  }
  return (
    <div class="colleagues">
      {settings.colleagues.length > 0 && (
        <ul class="colleague-list" aria-label={t('colleaguesListLabel')}>
          {settings.colleagues.map((colleague) => {
            const state = presence?.[colleague.extension]?.state ?? 'unknown';
            const stateText = colleagueStateText(state);
            return (
              <li key={colleague.extension} class={`colleague colleague-${state}`} aria-label={t('colleagueItem', [colleague.name, stateText])}>
                <span class="colleague-dot" aria-hidden="true" />
                <span class="colleague-who">
                  <span class="colleague-name">{colleague.name}</span>
                  <span class="colleague-details">
                    {colleague.extension} · <span class="colleague-state">{stateText}</span>
                  </span>
                </span>
                {state === 'ringing' && settings.pickupCode !== '' && (
                  <button
                    type="button"
                    class="colleague-pickup"
                    disabled={!registered}
                    aria-label={t('colleaguePickUpFrom', colleague.name)}
                    onClick={() => void pickUp(colleague.extension)}
                  >
                    {t('colleaguePickUp')}
                  </button>
                )}
                <button type="button" disabled={!registered} aria-label={t('colleagueCallName', colleague.name)} onClick={() => onCall(colleague.extension)}>
                  {t('call')}
                </button>
              </li>
            );
          })}
        </ul>
      )}
      <p role="status" class="queue-result error">
        {problem}
      </p>
      {settings.quickCalls.length > 0 && (
        <ul class="quick-call-list" aria-label={t('quickCallsLabel')}>
          {settings.quickCalls.map((quickCall) => (
            <li key={quickCall.number} class="quick-call">
              <button
                type="button"
                disabled={!registered}
                aria-label={t('colleagueCallName', `${quickCall.name} ${quickCall.number}`)}
                onClick={() => onCall(quickCall.number)}
              >
                <span class="colleague-name">{quickCall.name}</span> <span class="colleague-details">{quickCall.number}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** In the transfer panel: the colleagues, free ones first, each a click away from the target field. */
export function ColleaguePicker({ onPick }: { onPick(extension: string): void }) {
  const settings = useWithPolicy('colleagueSettings', storageKeys.colleagueSettings).value;
  const presence = useSnapshot()?.colleagues;
  if (settings.colleagues.length === 0) return null;
  const order = { idle: 0, ringing: 1, busy: 2, unknown: 3 };
  const sorted = settings.colleagues
    .map((colleague) => ({ colleague, state: presence?.[colleague.extension]?.state ?? 'unknown' }))
    .sort((a, b) => order[a.state] - order[b.state]);
  return (
    <div class="colleague-picker" role="group" aria-label={t('transferColleaguesLabel')}>
      {sorted.map(({ colleague, state }) => (
        <button type="button" key={colleague.extension} class={`colleague-${state}`} onClick={() => onPick(colleague.extension)}>
          {t('colleagueItem', [colleague.name, colleagueStateText(state)])}
        </button>
      ))}
    </div>
  );
}
