import { isShortcutCommand, type ShortcutAction, shortcutAction } from '../calls/shortcuts';
import { request } from '../protocol/client';
import { askSoftphone } from './askSoftphone';

function send(action: ShortcutAction): Promise<unknown> {
  switch (action.request) {
    case 'setMuted':
      return request('offscreen', 'setMuted', { callId: action.callId, muted: action.muted });
    case 'setHeld':
      return request('offscreen', 'setHeld', { callId: action.callId, held: action.held });
    default:
      return request('offscreen', action.request, { callId: action.callId });
  }
}

/** The browser-wide shortcuts act on the calls as the softphone has them now, with or without the popup. */
export async function runShortcut(command: string): Promise<void> {
  if (!isShortcutCommand(command)) return;
  const { calls } = await askSoftphone('getSnapshot', {});
  const action = shortcutAction(command, calls);
  if (action) await send(action);
}

export function answerShortcuts(): void {
  chrome.commands.onCommand.addListener((command) => void runShortcut(command).catch((error: unknown) => console.warn(`shortcut ${command}:`, error)));
}
