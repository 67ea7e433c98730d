import { appError } from '../../calls/errors';
import { numberInSelection } from '../../clicktocall/selection';
import type { Result } from '../../protocol/api';
import { storedAccountDomain } from '../../storage/accountStore';
import { loadClickToCallSettings } from '../../storage/clickToCallStore';
import { handOver, readingCountryOfAgent } from './handOver';

const MENU_ID = 'call-selection';

/** "Call <selection>" in the page context menu: the browser's own menu, so the page cannot click it. */
export function installCallSelectionMenu(): void {
  chrome.runtime.onInstalled.addListener(() => {
    chrome.contextMenus.create({ id: MENU_ID, title: chrome.i18n.getMessage('callSelectionMenu') || 'Call “%s”', contexts: ['selection'] }, () => void chrome.runtime.lastError);
  });
  chrome.contextMenus.onClicked.addListener((info, tab) => void onCallSelection(info, tab));
}

export async function onCallSelection(info: chrome.contextMenus.OnClickData, tab: chrome.tabs.Tab | undefined): Promise<Result<{ dialed: boolean }>> {
  if (info.menuItemId !== MENU_ID || !info.selectionText) return { ok: false, error: appError('invalid_number', 'Nothing selected') };
  const { callAtOnce } = await loadClickToCallSettings();
  return handOver(numberInSelection(info.selectionText, await readingCountryOfAgent(), await storedAccountDomain()), callAtOnce, tab);
}
