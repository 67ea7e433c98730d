import { t } from '../i18n';
import { outboxText } from '../i18n/outboxText';
import { request } from '../protocol/client';
import { storageKeys } from '../storage/keys';
import { useStoredValue } from './useStoredValue';

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
