import type { RegistrationSnapshot } from '../calls/snapshot';
import { t } from '../ui/i18n';

function statusText(registration: RegistrationSnapshot): string {
  switch (registration.state) {
    case 'registered':
      return t('statusReady', registration.account ?? '');
    case 'connecting':
      return registration.error ? t('statusRetrying', registration.error.message) : t('statusConnecting');
    case 'registering':
      return t('statusRegistering');
    case 'failed':
      return registration.error?.message ?? t('statusFailed');
    case 'disabled':
      return t('statusDisabled');
    case 'unconfigured':
      return t('statusUnconfigured');
  }
}

export function StatusBar({ registration }: { registration: RegistrationSnapshot }) {
  return (
    <header class="status-bar">
      <p role="status" class={`status status-${registration.state}`} aria-label={t('statusLabel')}>
        <span class="status-dot" aria-hidden="true" />
        <span class="status-text">{statusText(registration)}</span>
      </p>
      <button type="button" class="icon-button" aria-label={t('openSettings')} title={t('openSettings')} onClick={() => chrome.runtime.openOptionsPage()}>
        ⚙
      </button>
    </header>
  );
}
