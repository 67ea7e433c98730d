export type DialStringResult = { ok: true; dial: string } | { ok: false; error: string };

export const MAX_DIAL_DIGITS = 32;
const SEPARATORS = /[\s().\-/\u00a0]/g;

/**
 * Reduces what the agent typed or pasted to what the softphone dials: digits, * and #, with an
 * optional leading +. Anything else is refused with a reason, never thrown.
 */
export function toDialString(input: string): DialStringResult {
  const trimmed = input.trim();
  if (trimmed === '') return { ok: false, error: 'Enter a number to call' };
  if (trimmed.length > 64) return { ok: false, error: 'That number is too long' };
  const withoutScheme = trimmed.replace(/^(tel|callto):/i, '');
  const compact = withoutScheme.replace(SEPARATORS, '');
  if (!/^\+?[0-9*#]+$/.test(compact)) return { ok: false, error: 'A number may contain digits, *, # and a leading + only' };
  if (compact.replace(/\D/g, '').length > MAX_DIAL_DIGITS) return { ok: false, error: 'That number is too long' };
  return { ok: true, dial: compact };
}
