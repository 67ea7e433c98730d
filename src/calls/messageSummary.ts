import type { VoicemailStatus } from './snapshot';

const MAX_BODY = 8192;
/** Line ends as JavaScript's multiline `^` knows them, so a body reads as it did. */
const LINE_END = /\r\n|[\n\r\u2028\u2029]/;
const VOICE_COUNTS = /^(\d{1,6})\s*\/\s*(\d{1,6})/;

/**
 * Reads an RFC 3842 application/simple-message-summary body, e.g.
 * "Messages-Waiting: yes\r\nVoice-Message: 2/8 (0/2)". Never throws; null when it is not one.
 *
 * A NOTIFY body comes from the network: it is read one line at a time, each line once, so its
 * cost is linear in its length. (Regexes over the whole body with `^\s*` in multiline mode
 * backtracked over every remaining line end at every line: 8 KB of newlines cost 65 ms.)
 */
export function parseMessageSummary(body: string): VoicemailStatus | null {
  if (body.length > MAX_BODY) return null;
  let waiting: boolean | null = null;
  let voice: RegExpExecArray | null = null;
  for (const line of body.split(LINE_END)) {
    const colon = line.indexOf(':');
    if (colon < 0) continue;
    const name = line.slice(0, colon).trim().toLowerCase();
    const value = line.slice(colon + 1).trim();
    if (name === 'messages-waiting' && waiting === null) {
      const answer = value.toLowerCase();
      if (answer === 'yes' || answer === 'no') waiting = answer === 'yes';
    } else if (name === 'voice-message' && voice === null) voice = VOICE_COUNTS.exec(value);
  }
  if (waiting === null) return null;
  return { waiting, newMessages: voice ? Number(voice[1]) : null, oldMessages: voice ? Number(voice[2]) : null };
}
