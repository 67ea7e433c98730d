import type { RegistrationSnapshot, SoftphoneSnapshot } from '../calls/snapshot';
import { request } from '../protocol/client';
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

export function StatusBar({ snapshot, voicemailNumber }: { snapshot: SoftphoneSnapshot; voicemailNumber?: string }) {
  const { registration, doNotDisturb, voicemail } = snapshot;
  return (
    <header class="status-bar">
      <p role="status" class={`status status-${registration.state}`} aria-label={t('statusLabel')}>
        <span class="status-dot" aria-hidden="true" />
        <span class="status-text">{statusText(registration)}</span>
      </p>
      {voicemail?.waiting && (
        <button
          type="button"
          class="icon-button voicemail"
          aria-label={t('voicemailWaiting', String(voicemail.newMessages ?? ''))}
          title={t('voicemailWaiting', String(voicemail.newMessages ?? ''))}
          disabled={!voicemailNumber}
          onClick={() => voicemailNumber && void request('background', 'call', { target: voicemailNumber })}
        >
          ✉<span class="tab-badge">{voicemail.newMessages ?? '•'}</span>
        </button>
      )}
      <button
        type="button"
        class="icon-button"
        aria-pressed={doNotDisturb}
        aria-label={t('doNotDisturb')}
        title={t('doNotDisturb')}
        onClick={() => void request('background', 'updatePreferences', { patch: { doNotDisturb: !doNotDisturb } })}
      >
        {doNotDisturb ? '🔕' : '🔔'}
      </button>
      <button type="button" class="icon-button" aria-label={t('openSettings')} title={t('openSettings')} onClick={() => chrome.runtime.openOptionsPage()}>
        ⚙
      </button>
    </header>
  );
}
