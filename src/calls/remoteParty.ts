export const MAX_DISPLAY_NAME = 64;
export const MAX_REMOTE_NUMBER = 64;

/**
 * Characters that draw nothing, or change how the text around them is drawn: controls (Cc),
 * format characters (Cf: zero-width spaces and joiners, U+061C and every other bidi mark,
 * embedding, override and isolate, soft hyphen, tags, BOM), private-use (Co), lone surrogates
 * (Cs), unassigned code points (Cn), the other default-ignorables (Hangul fillers, variation
 * selectors, the combining grapheme joiner) and the blank Braille pattern. A caller could use any
 * of them to make a name look like something it is not ("Police · +32…" with hidden parts).
 */
const INVISIBLE = /[\p{Cc}\p{Cf}\p{Co}\p{Cs}\p{Cn}\p{Default_Ignorable_Code_Point}\u2800]/gu;
/** More than three combining marks on one letter only serve to draw over the lines around it. */
const MARK_PILE = /(\p{M}{3})\p{M}+/gu;

/**
 * A display name from the wire, made safe to show: every invisible, format and bidi character
 * removed, piles of combining marks cut, white space collapsed, length capped (on a character
 * boundary). Null when nothing readable is left. The name is the caller's own claim: views show
 * the number apart from it, never joined into one string with it.
 */
export function cleanDisplayName(name: unknown): string | null {
  if (typeof name !== 'string') return null;
  const cleaned = name
    .slice(0, 4 * MAX_DISPLAY_NAME)
    .replace(INVISIBLE, '')
    .replace(/\s+/gu, ' ')
    .replace(MARK_PILE, '$1')
    .trim();
  if (cleaned === '') return null;
  if (cleaned.length <= MAX_DISPLAY_NAME) return cleaned;
  let cut = '';
  for (const character of cleaned) {
    if (cut.length + character.length > MAX_DISPLAY_NAME - 1) break;
    cut += character;
  }
  return `${cut.trimEnd()}…`;
}

export function cleanRemoteNumber(user: unknown): string {
  return typeof user === 'string' ? user.replace(/[^\w+*#.@-]/g, '').slice(0, MAX_REMOTE_NUMBER) : '';
}

/** Whether an SDP offer has an audio stream the softphone can answer. */
export function offersAudio(sdp: string | undefined): boolean {
  return sdp === undefined || sdp === '' || /^m=audio [1-9]\d* /m.test(sdp);
}
