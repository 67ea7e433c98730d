const OFFSCREEN_PATH = 'extension/offscreen.html';
const READY_TIMEOUT_MS = 5000;

let creating: Promise<void> | null = null;
let announceReady: (() => void) | null = null;

/**
 * The offscreen document holds the SIP user agent and the calls; there is at most one. Resolves
 * once it exists and its script listens (it says so with an offscreenReady request).
 */
export async function ensureOffscreenDocument(): Promise<void> {
  // Firefox has no offscreen documents: its background page is a document and hosts the softphone.
  if (!hasOffscreenDocuments()) return;
  if (creating) return creating;
  if (await offscreenDocumentExists()) return;
  creating ??= create().finally(() => {
    creating = null;
  });
  return creating;
}

/** Called when the offscreen document's script has started and listens for requests. */
export function offscreenDocumentReady(): void {
  announceReady?.();
}

async function create(): Promise<void> {
  const ready = new Promise<void>((resolve) => {
    announceReady = resolve;
    setTimeout(resolve, READY_TIMEOUT_MS);
  });
  try {
    await chrome.offscreen.createDocument({
      url: OFFSCREEN_PATH,
      reasons: [chrome.offscreen.Reason.USER_MEDIA, chrome.offscreen.Reason.WEB_RTC],
      justification: 'Keeps the softphone registered and its calls (microphone and WebRTC audio) alive while the popup is closed.',
    });
  } catch (error) {
    // Another service worker instance won the race: the document exists, which is all we wanted.
    if (!String(error).includes('single offscreen')) throw error;
    return;
  }
  await ready;
  announceReady = null;
}

async function offscreenDocumentExists(): Promise<boolean> {
  const contexts = await chrome.runtime.getContexts({
    contextTypes: [chrome.runtime.ContextType.OFFSCREEN_DOCUMENT],
    documentUrls: [chrome.runtime.getURL(OFFSCREEN_PATH)],
  });
  return contexts.length > 0;
}

function hasOffscreenDocuments(): boolean {
  return typeof chrome !== 'undefined' && chrome.offscreen !== undefined;
}
