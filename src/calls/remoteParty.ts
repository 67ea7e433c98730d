export const MAX_DISPLAY_NAME = 64;
export const MAX_REMOTE_NUMBER = 64;

/**
 * A display name from the wire, made safe to show: control and bidirectional-override characters
 * removed, white space collapsed, length capped. Null when nothing readable is left.
 */
export function cleanDisplayName(name: unknown): string | null {
  if (typeof name !== 'string') return null;
  const cleaned = name
    .slice(0, 4 * MAX_DISPLAY_NAME)
    .replace(/[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  if (cleaned === '') return null;
  return cleaned.length > MAX_DISPLAY_NAME ? `${cleaned.slice(0, MAX_DISPLAY_NAME - 1)}…` : cleaned;
}

export function cleanRemoteNumber(user: unknown): string {
  return typeof user === 'string' ? user.replace(/[^\w+*#.@-]/g, '').slice(0, MAX_REMOTE_NUMBER) : '';
}

/** Whether an SDP offer has an audio stream the softphone can answer. */
export function offersAudio(sdp: string | undefined): boolean {
  return sdp === undefined || sdp === '' || /^m=audio [1-9]\d* /m.test(sdp);
}
