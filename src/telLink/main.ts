import { errorText } from '../i18n/errorText';
import { request } from '../protocol/client';

/**
 * Firefox opens this page for a tel: or sip: link the agent chose to open with VoIP Widget. The
 * service worker checks the number like a click-to-call link and hands it over the same way (the
 * popup takes it when it opens); the page then becomes the softphone, so the agent confirms the
 * call there.
 */
async function handOverLink(): Promise<void> {
  const link = new URLSearchParams(location.search).get('link') ?? '';
  const result = await request('background', 'handOverLink', { link: link.slice(0, 2000) });
  if (!result.ok) {
    document.getElementById('status')!.textContent = `${errorText(result.error)}: ${link}`;
    return;
  }
  location.replace(chrome.runtime.getURL('extension/popup.html'));
}

void handOverLink();
