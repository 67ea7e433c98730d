import { render } from 'preact';
import { useState } from 'preact/hooks';
import { t } from '../i18n';
import '../options/options.css';

type MicrophoneState = 'idle' | 'asking' | 'granted' | 'denied' | 'missing';

async function askForMicrophone(): Promise<MicrophoneState> {
  try {
    const stream = await navigator.mediaDevices.getUserMedia({ audio: true });
    for (const track of stream.getTracks()) track.stop();
    return 'granted';
  } catch (error) {
    return error instanceof DOMException && error.name === 'NotFoundError' ? 'missing' : 'denied';
  }
}

function Welcome() {
  const [state, setState] = useState<MicrophoneState>('idle');
  const ask = async (): Promise<void> => {
    setState('asking');
    setState(await askForMicrophone());
  };
  return (
    <main class="options">
      <h1>{t('welcomeTitle')}</h1>
      <section class="settings-section" aria-labelledby="mic-heading">
        <h2 id="mic-heading">{t('welcomeMicrophoneHeading')}</h2>
        <p>{t('welcomeMicrophoneWhy')}</p>
        <button type="button" class="primary" onClick={() => void ask()} disabled={state === 'asking' || state === 'granted'}>
          {t('allowMicrophone')}
        </button>
        <p role="status">
          {state === 'granted' && t('microphoneGranted')}
          {state === 'denied' && t('microphoneDeniedHelp')}
          {state === 'missing' && t('microphoneMissing')}
        </p>
      </section>
      <section class="settings-section" aria-labelledby="account-step-heading">
        <h2 id="account-step-heading">{t('welcomeAccountHeading')}</h2>
        <p>{t('welcomeAccountText')}</p>
        <button type="button" onClick={() => chrome.runtime.openOptionsPage()}>
          {t('openSettings')}
        </button>
      </section>
    </main>
  );
}

render(<Welcome />, document.getElementById('app')!);
