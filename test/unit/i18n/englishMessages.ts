import en from '../../../public/_locales/en/messages.json';

/** chrome.i18n as the browser serves the English locale: $1, $2… replaced by the substitutions. */
export function installEnglish(): void {
  const messages = en as Record<string, { message: string }>;
  (globalThis as unknown as { chrome: unknown }).chrome = {
    i18n: {
      getMessage: (key: string, substitutions?: string | string[]) => {
        const subs = substitutions === undefined ? [] : Array.isArray(substitutions) ? substitutions : [substitutions];
        return messages[key]?.message.replace(/\$(\d)/g, (_, n: string) => subs[Number(n) - 1] ?? '') ?? '';
      },
    },
  };
}
