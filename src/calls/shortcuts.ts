import type { CallSnapshot } from './snapshot';

/** The browser-wide keyboard shortcuts (manifest `commands`), in the order Settings lists them. */
export const SHORTCUT_COMMANDS = ['answer-call', 'decline-call', 'hang-up', 'toggle-mute', 'toggle-hold'] as const;
export type ShortcutCommand = (typeof SHORTCUT_COMMANDS)[number];

export function isShortcutCommand(command: unknown): command is ShortcutCommand {
  return typeof command === 'string' && (SHORTCUT_COMMANDS as readonly string[]).includes(command);
}

/** The softphone request a shortcut makes, given the calls now; null when it has nothing to act on. */
export type ShortcutAction =
  | { request: 'answer' | 'decline' | 'hangup'; callId: string }
  | { request: 'setMuted'; callId: string; muted: boolean }
  | { request: 'setHeld'; callId: string; held: boolean };

export function shortcutAction(command: ShortcutCommand, calls: readonly CallSnapshot[]): ShortcutAction | null {
  const ringing = calls.find((c) => c.state === 'incoming');
  // The call the agent talks on: the one not on hold first, a held one when it is the only one.
  const talking = calls.find((c) => c.state !== 'incoming' && !c.held) ?? calls.find((c) => c.state !== 'incoming');
  switch (command) {
    case 'answer-call':
      return ringing ? { request: 'answer', callId: ringing.id } : null;
    case 'decline-call':
      return ringing ? { request: 'decline', callId: ringing.id } : null;
    case 'hang-up':
      return talking ? { request: 'hangup', callId: talking.id } : null;
    case 'toggle-mute':
      return talking?.state === 'active' ? { request: 'setMuted', callId: talking.id, muted: !talking.muted } : null;
    case 'toggle-hold':
      return talking?.state === 'active' ? { request: 'setHeld', callId: talking.id, held: !talking.held } : null;
  }
}
