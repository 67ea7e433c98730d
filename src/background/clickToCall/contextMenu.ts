import { invalidNumber } from '../../calls/errors';
import { numberInSelection } from '../../clicktocall/selection';
import type { Result } from '../../protocol/api';
import { storedAccountDomain } from '../../storage/accountStore';
import { handOver, readingCountryOfAgent } from './handOver';

const MENU_ID = 'call-selection';

/**
 * "Call <selection>" in the page context menu: the browser's own menu, so the page cannot click
 * it. But the page controls what is selected (and can change it under the pointer), so the
 * number always opens in the softphone for the agent to confirm, "call at once" or not.
 */
export function installCallSelectionMenu(): void {
  chrome.runtime.onInstalled.addListener(() => {
    chrome.contextMenus.create(
      { id: MENU_ID, title: chrome.i18n.getMessage('callSelectionMenu') || 'Call “%s”', contexts: ['selection'] },
      () => void chrome.runtime.lastError,
    );
  });
  chrome.contextMenus.onClicked.addListener((info, tab) => void onCallSelection(info, tab));
}

export async function onCallSelection(info: chrome.contextMenus.OnClickData, tab: chrome.tabs.Tab | undefined): Promise<Result<{ dialed: boolean }>> {
  if (info.menuItemId !== MENU_ID || !info.selectionText) return { ok: false, error: invalidNumber({ code: 'nothing_selected' }) };
  return handOver(numberInSelection(info.selectionText, await readingCountryOfAgent(), await storedAccountDomain()), false, tab);
}
