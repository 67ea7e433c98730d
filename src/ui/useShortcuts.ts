import { useEffect, useState } from 'preact/hooks';
import type { ShortcutCommand } from '../calls/shortcuts';
import { t } from '../i18n';

/** The keys the agent has for each browser-wide shortcut ('' when unassigned), as the browser reports them. */
export function useShortcuts(): Partial<Record<ShortcutCommand, string>> {
  const [keys, setKeys] = useState<Partial<Record<ShortcutCommand, string>>>({});
  useEffect(() => {
    chrome.commands
      .getAll()
      .then((commands) => setKeys(Object.fromEntries(commands.map((c) => [c.name ?? '', c.shortcut ?? '']))))
      .catch(() => undefined);
  }, []);
  return keys;
}

/** A control's tooltip: its label, with its shortcut when one is assigned. */
export function withShortcut(label: string, key: string | undefined): string {
  return key ? t('shortcutHint', [label, key]) : label;
}
