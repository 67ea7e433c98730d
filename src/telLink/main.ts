import browser from 'webextension-polyfill';
import { reducePageNumber } from '../clicktocall/pageNumber';
import { PENDING_NUMBER_KEY, type PendingNumber } from '../clicktocall/pending';
import { storedAccountDomain } from '../storage/accountStore';

/**
 * Firefox opens this page for a tel: or sip: link the agent chose to open with VoIP Widget. The
 * number is checked like a click-to-call link, handed over the same way (the popup takes it when
 * it opens) and the page becomes the softphone, so the agent confirms the call there.
 */
async function handOverLink(): Promise<void> {
  const link = new URLSearchParams(location.search).get('link') ?? '';
  const reduced = reducePageNumber(link, await storedAccountDomain());
  if (!reduced.ok) {
    document.getElementById('status')!.textContent = `${reduced.error}: ${link}`;
    return;
  }
  const pending: PendingNumber = { number: reduced.dial, at: Date.now() };
  await browser.storage.session.set({ [PENDING_NUMBER_KEY]: pending });
  location.replace(browser.runtime.getURL('extension/popup.html'));
}

void handOverLink();
