import type { NumberLabel } from './contact';

/**
 * The label of a number from the words a source gives it: vCard TYPE values (`CELL`, `WORK,VOICE`),
 * CSV column names and Google's "Phone 1 - Label" values ("Mobile", "Work Fax"). Fax wins over
 * everything (a fax line must not look callable), then mobile, work, home, main.
 */
export function labelFrom(words: readonly string[]): NumberLabel {
  const all = words.join(' ').toLowerCase();
  if (/fax/.test(all)) return 'fax';
  if (/cell|mobile|iphone|portable/.test(all)) return 'mobile';
  if (/work|business|company|office/.test(all)) return 'work';
  if (/home|private|personal/.test(all)) return 'home';
  if (/main|pref/.test(all)) return 'main';
  return 'other';
}

/** vCard TYPE values that say the label back, for the writer. */
export const VCARD_TYPES: Record<NumberLabel, string> = {
  work: 'WORK,VOICE',
  mobile: 'CELL',
  home: 'HOME,VOICE',
  main: 'MAIN',
  fax: 'FAX',
  other: 'VOICE',
};
