import type { SoftphoneSnapshot } from '../calls/snapshot';
import { request } from '../protocol/client';
import { t } from '../i18n';
import { registrationText } from '../ui/registrationText';

export function StatusBar({ snapshot, voicemailNumber }: { snapshot: SoftphoneSnapshot; voicemailNumber?: string }) {
  const { registration, doNotDisturb, voicemail } = snapshot;
  return (
    <header class="status-bar">
      <p role="status" class={`status status-${registration.state}`} aria-label={t('statusLabel')}>
        <span class="status-dot" aria-hidden="true" />
        <span class="status-text">{registrationText(registration)}</span>
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
