/** Whether a file's text is vCard (else it is read as CSV): its first non-blank line opens a card. */
export function isVCardText(text: string): boolean {
  return /^\s*BEGIN:VCARD\s*$/im.test(
    text
      .slice(0, 4096)
      .replace(/^\uFEFF/, '')
      .split(/\r\n|\n|\r/)
      .find((line) => line.trim() !== '') ?? '',
  );
}

/** About how many cards a vCard text holds, for a progress bar. */
export function countCards(text: string): number {
  return text.match(/^BEGIN:VCARD/gim)?.length ?? 0;
}
