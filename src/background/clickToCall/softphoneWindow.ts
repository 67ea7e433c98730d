import { storageKeys } from '../../storage/keys';
import { read } from '../../storage/read';
import { store } from '../../storage/write';

const POPUP_PAGE = 'extension/popup.html';

/**
 * Opens the softphone: the toolbar popup where the browser allows it, else a small popup window
 * (headless browsers, or no focused window). Either way the popup reads the pending number.
 */
export async function openSoftphone(windowId: number | undefined, tabId: number | undefined): Promise<void> {
  // An open softphone takes the number itself (it watches for it): bring it forward, open no other.
  const popupUrl = chrome.runtime.getURL(POPUP_PAGE);
  const contexts = await chrome.runtime.getContexts({ contextTypes: [chrome.runtime.ContextType.POPUP, chrome.runtime.ContextType.TAB] });
  const open = contexts.find((context) => context.documentUrl?.startsWith(popupUrl));
  if (open) {
    if (open.windowId >= 0) await chrome.windows.update(open.windowId, { focused: true }).catch(() => undefined);
    return;
  }
  try {
    await chrome.action.openPopup(windowId === undefined ? {} : { windowId });
    return;
  } catch {
    // falls through to a window
  }
  const previous = await read(storageKeys.softphoneWindowId);
  if (previous !== null) await chrome.windows.remove(previous).catch(() => undefined);
  // The popup window names the page's tab, so it can offer to turn click-to-call off there.
  const url = popupUrl + (tabId === undefined ? '' : `?tab=${tabId}`);
  const created = await chrome.windows.create({ url, type: 'popup', width: 360, height: 620, focused: true });
  await store(storageKeys.softphoneWindowId, created?.id ?? null);
}
