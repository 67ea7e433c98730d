import type { OutboxState } from '../aftercall/outboxState';
import { t } from '.';

/** What waits in the webhook's outbox and why, in the agent's words; '' when all went. */
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
