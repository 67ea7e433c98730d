import type { OutboxState } from '../aftercall/outboxState';
import { t } from '../i18n';
import { request } from '../protocol/client';
import { storageKeys } from '../storage/keys';
import { useStoredValue } from './useStoredValue';

export function outboxText(state: OutboxState): string {
  const parts: string[] = [];
  if (state.waiting > 0) {
    const count = state.waiting === 1 ? t('outboxWaitingOne') : t('outboxWaitingMany', String(state.waiting));
    const problem = state.problem;
    const why =
      problem === null
        ? ''
        : problem.kind === 'http'
          ? t('outboxProblemHttp', String(problem.status))
          : t(
              (
                {
                  network: 'outboxProblemNetwork',
                  timeout: 'outboxProblemTimeout',
                  no_permission: 'outboxProblemNoPermission',
                  no_webhook: 'outboxProblemNoWebhook',
                } as const
              )[problem.kind],
            );
    parts.push(why ? `${count}: ${why}` : count);
  }
  if (state.rejected > 0) parts.push(t('outboxRejected', String(state.rejected)));
  if (state.storageError) parts.push(t(state.storageError === 'quota' ? 'outboxStorageQuota' : 'outboxStorageUnavailable'));
  return parts.join(' · ');
}

/** "3 calls waiting to be sent: the receiver answered 503", with Send now; nothing when all went. */
export function OutboxLine() {
  const state = useStoredValue(storageKeys.outboxState);
  const text = outboxText(state);
  if (text === '') return null;
  return (
    <p class="outbox-line" role="status" aria-label={t('outboxLabel')}>
      <span>{text}</span>
      {state.waiting > 0 && (
        <button type="button" class="link-button" onClick={() => void request('background', 'retryOutbox', {})}>
          {t('outboxRetry')}
        </button>
      )}
    </p>
  );
}
