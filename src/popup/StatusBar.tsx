import type { SoftphoneSnapshot } from '../calls/snapshot';
import { t } from '../i18n';
import { certificatePage } from '../i18n/errorText';
import { registrationText } from '../i18n/registrationText';
import { request } from '../protocol/client';
import { Icon } from '../ui/icons';

export function StatusBar({ snapshot, voicemailNumber }: { snapshot: SoftphoneSnapshot; voicemailNumber?: string }) {
  const { registration, doNotDisturb, voicemail } = snapshot;
  const certificate = certificatePage(registration.error);
  return (
    <header class="status-bar">
      <h1 class="visually-hidden">{t('extensionName')}</h1>
      <p role="status" class={`status status-${registration.state}`} aria-label={t('statusLabel')}>
        <span class="status-dot" aria-hidden="true" />
        <span class="status-text">{registrationText(registration)}</span>
        {certificate && (
          <button type="button" class="link-button" onClick={() => void chrome.tabs.create({ url: certificate })}>
            {t('checkCertificate')}
          </button>
        )}
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
          <Icon name="envelope" />
          <span class="tab-badge">{voicemail.newMessages ?? '•'}</span>
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
        <Icon name={doNotDisturb ? 'bellOff' : 'bell'} />
      </button>
      <button type="button" class="icon-button" aria-label={t('openSettings')} title={t('openSettings')} onClick={() => chrome.runtime.openOptionsPage()}>
        <Icon name="gear" />
      </button>
    </header>
  );
}
