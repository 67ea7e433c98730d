import * as v from 'valibot';
import { type CallNote, NOTES_MAX_LENGTH } from './callRecord';

/** Notes kept for at most this many calls (as many as Recent calls keeps); the oldest go first. */
export const NOTES_CAP = 1000;

export interface StoredNote extends CallNote {
  updatedAt: number;
}

export type CallNotes = Record<string, StoredNote>;

/** The notes with one call's changed; at most NOTES_CAP calls, the least recently changed dropped. */
export function withNote(notes: CallNotes, callId: string, change: Partial<CallNote>, now: number): CallNotes {
  const before = notes[callId] ?? { notes: '', disposition: null, updatedAt: now };
  const next: CallNotes = {
    ...notes,
    [callId]: {
      notes: (change.notes ?? before.notes).slice(0, NOTES_MAX_LENGTH),
      disposition: change.disposition === undefined ? before.disposition : change.disposition,
      updatedAt: now,
    },
  };
  const ids = Object.keys(next);
  if (ids.length <= NOTES_CAP) return next;
  const keep = ids.sort((a, b) => (next[b]?.updatedAt ?? 0) - (next[a]?.updatedAt ?? 0)).slice(0, NOTES_CAP);
  return Object.fromEntries(keep.map((id) => [id, next[id] as StoredNote]));
}

const Note = v.object({
  notes: v.pipe(v.string(), v.maxLength(NOTES_MAX_LENGTH)),
  disposition: v.nullable(v.pipe(v.string(), v.maxLength(100))),
  updatedAt: v.number(),
});

/** The stored notes, read leniently: a damaged entry is left out, the others kept. */
export function storedCallNotes(input: unknown): CallNotes {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) return {};
  const out: CallNotes = {};
  for (const [id, value] of Object.entries(input)) {
    const parsed = v.safeParse(Note, value);
    if (parsed.success) out[id] = parsed.output;
  }
  return out;
}
