import type en from '../../public/_locales/en/messages.json';

export type MessageKey = keyof typeof en;

/** User-facing text, from public/_locales through chrome.i18n (English is the source locale). */
export function t(key: MessageKey, substitutions?: string | string[]): string {
  try {
    return chrome.i18n.getMessage(key, substitutions) || key;
  } catch {
    return key; // outside an extension (unit tests)
  }
}
