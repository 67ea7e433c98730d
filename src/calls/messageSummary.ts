import type { VoicemailStatus } from './snapshot';

/**
 * Reads an RFC 3842 application/simple-message-summary body, e.g.
 * "Messages-Waiting: yes\r\nVoice-Message: 2/8 (0/2)". Never throws; null when it is not one.
 */
export function parseMessageSummary(body: string): VoicemailStatus | null {
  if (body.length > 8192) return null;
  const waiting = /^\s*Messages-Waiting\s*:\s*(yes|no)\s*$/im.exec(body);
  if (!waiting) return null;
  const voice = /^\s*Voice-Message\s*:\s*(\d{1,6})\s*\/\s*(\d{1,6})/im.exec(body);
  return {
    waiting: waiting[1]!.toLowerCase() === 'yes',
    newMessages: voice ? Number(voice[1]) : null,
    oldMessages: voice ? Number(voice[2]) : null,
  };
}
