const OFFSCREEN_PATH = 'extension/offscreen.html';

let creating: Promise<void> | null = null;

/** The offscreen document holds the SIP user agent and the calls; there is at most one. */
export async function ensureOffscreenDocument(): Promise<void> {
  if (await offscreenDocumentExists()) return;
  creating ??= chrome.offscreen
    .createDocument({
      url: OFFSCREEN_PATH,
      reasons: [chrome.offscreen.Reason.USER_MEDIA, chrome.offscreen.Reason.WEB_RTC],
      justification: 'Keeps the softphone registered and its calls (microphone and WebRTC audio) alive while the popup is closed.',
    })
    .catch((error: unknown) => {
      // Another caller won the race: the document exists, which is all we wanted.
      if (!String(error).includes('single offscreen')) throw error;
    })
    .finally(() => {
      creating = null;
    });
  await creating;
}

async function offscreenDocumentExists(): Promise<boolean> {
  const contexts = await chrome.runtime.getContexts({
    contextTypes: [chrome.runtime.ContextType.OFFSCREEN_DOCUMENT],
    documentUrls: [chrome.runtime.getURL(OFFSCREEN_PATH)],
  });
  return contexts.length > 0;
}
