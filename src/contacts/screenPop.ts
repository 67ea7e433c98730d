import type { CallSnapshot } from '../calls/snapshot';

export const SCREEN_POP_MODES = ['off', 'answer', 'ring'] as const;
export type ScreenPopMode = (typeof SCREEN_POP_MODES)[number];

/**
 * The records to open now: each incoming call with a record URL that rings (on ring) or has been
 * answered (on answer), and whose record was not opened yet.
 */
export function recordsToOpen(calls: readonly CallSnapshot[], mode: ScreenPopMode, opened: ReadonlySet<string>): { callId: string; url: string }[] {
  if (mode === 'off') return [];
  return calls.flatMap((call) => {
    const url = call.contact?.recordUrl;
    if (!url || call.direction !== 'incoming' || opened.has(call.id)) return [];
    const due = mode === 'ring' ? call.state === 'incoming' || call.answeredAt !== null : call.answeredAt !== null;
    return due ? [{ callId: call.id, url }] : [];
  });
}
