import { useState } from 'preact/hooks';
import { t } from '../i18n';
import { describeQueueOutcome, describeQueueOutcomes } from '../i18n/queueText';
import { request } from '../protocol/client';
import {
  isWorking,
  type QueueAction,
  type QueueDefinition,
  type QueueOutcome,
  type QueueState,
  type QueueStatus,
  queueStatus,
  queuesToLogOut,
} from '../queues';
import { storageKeys } from '../storage/keys';
import { useWithPolicy } from '../ui/usePolicy';
import { useStoredValue } from '../ui/useStoredValue';

const statusText: Record<QueueStatus, () => string> = {
  'logged-in': () => t('queueStatusLoggedIn'),
  'logged-out': () => t('queueStatusLoggedOut'),
  static: () => t('queueStatusStatic'),
  working: () => t('queueStatusWorking'),
};

function since(queue: QueueDefinition, state: QueueState, status: QueueStatus): string {
  const changedAt = state.memberships[queue.extension]?.changedAt;
  if (changedAt === undefined || (status !== 'logged-in' && status !== 'logged-out')) return '';
  return ` · ${t('queueSince', new Date(changedAt).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' }))}`;
}

interface Message {
  text: string;
  ok: boolean;
}

/** An outcome this recent is still news when the popup opens (it may have closed during the call). */
const RECENT_OUTCOME_MS = 2 * 60_000;

function storedMessage(state: QueueState, now: number): Message | null {
  const outcome = state.lastOutcome;
  if (outcome === null || now - outcome.at > RECENT_OUTCOME_MS) return null;
  return { text: describeQueueOutcome(outcome), ok: outcome.failure === null };
}

/** The agent's call queues: state of each, log in or out by dialing the queue's code. */
export function QueuesTab() {
  const { value: settings } = useWithPolicy('queueSettings', storageKeys.queueSettings);
  const state = useStoredValue(storageKeys.queueState);
  const [sending, setSending] = useState(false);
  const [reply, setMessage] = useState<Message | null>(null);

  if (settings.queues.length === 0) {
    return (
      <p class="empty">
        {t('queuesEmpty')}{' '}
        <button type="button" class="link-button" onClick={() => chrome.runtime.openOptionsPage()}>
          {t('queuesOpenSettings')}
        </button>
      </p>
    );
  }

  const now = Date.now();
  const message = reply ?? (sending ? null : storedMessage(state, now));
  const busy = sending || isWorking(state, now);
  const run = async (work: () => Promise<Message>): Promise<void> => {
    setSending(true);
    setMessage(null);
    try {
      setMessage(await work());
    } catch {
      setMessage({ text: t('queueFailureSoftphoneUnavailable'), ok: false });
    } finally {
      setSending(false);
    }
  };
  const act = (queue: QueueDefinition, action: QueueAction): Promise<void> =>
    run(async () => {
      const outcome = await request('background', 'queueAction', { extension: queue.extension, action });
      return { text: describeQueueOutcome(outcome), ok: outcome.failure === null };
    });
  const logOutOfAll = (): Promise<void> =>
    run(async () => {
      const { outcomes } = await request('background', 'logOutOfAllQueues', {});
      return { text: describeQueueOutcomes(outcomes), ok: outcomes.every((o: QueueOutcome) => o.failure === null) };
    });

  return (
    <div class="queues">
      <ul class="queue-list" aria-label={t('queuesListLabel')}>
        {settings.queues.map((queue) => {
          const status = queueStatus(queue, state, now);
          const loggedIn = status === 'logged-in';
          return (
            <li key={queue.extension} class={`queue queue-${status}`}>
              <span class="queue-who">
                <span class="queue-name">{queue.name}</span>
                <span class="queue-details">
                  {queue.extension} · <span class="queue-status">{statusText[status]()}</span>
                  {since(queue, state, status)}
                </span>
              </span>
              {queue.agent === 'dynamic' && (
                <button
                  type="button"
                  class={loggedIn ? 'queue-logout' : 'queue-login'}
                  aria-label={loggedIn ? t('queueLogOutOf', queue.name) : t('queueLogInTo', queue.name)}
                  disabled={busy}
                  onClick={() => void act(queue, loggedIn ? 'logout' : 'login')}
                >
                  {loggedIn ? t('queueLogOut') : t('queueLogIn')}
                </button>
              )}
            </li>
          );
        })}
      </ul>
      <button type="button" class="queue-logout-all" disabled={busy || queuesToLogOut(settings.queues, state).length === 0} onClick={() => void logOutOfAll()}>
        {t('logOutOfAllQueues')}
      </button>
      <p role="status" aria-label={t('queueResultLabel')} class={message?.ok === false ? 'queue-result error' : 'queue-result'}>
        {message?.text ?? ''}
      </p>
    </div>
  );
}
