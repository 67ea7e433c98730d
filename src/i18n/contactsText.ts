import type { NumberLabel } from '../contacts/contact';
import type { Skipped, SkipReason } from '../contacts/vcard';
import type { ImportErrorCode, ImportOutcome, SaveContactOutcome } from '../protocol/contacts';
import { type MessageKey, t } from '.';

const SKIP_REASONS: Record<SkipReason, MessageKey> = {
  no_name_or_number: 'contactsSkipNoNameOrNumber',
  no_number: 'contactsSkipNoNumber',
  malformed_line: 'contactsSkipMalformed',
  unterminated_card: 'contactsSkipUnterminated',
  too_large: 'contactsSkipTooLarge',
};

const IMPORT_ERRORS: Record<ImportErrorCode, MessageKey> = {
  not_contacts: 'contactsErrorNotContacts',
  nothing_imported: 'contactsErrorNothingImported',
  busy: 'contactsErrorBusy',
  storage_failed: 'contactsErrorStorage',
};

const LABELS: Record<NumberLabel, MessageKey> = {
  work: 'labelWork',
  mobile: 'labelMobile',
  home: 'labelHome',
  main: 'labelMain',
  fax: 'labelFax',
  other: 'labelOther',
};

/** Skipped lines listed in an import's summary; the rest are counted. */
const LISTED_SKIPS = 5;

export function numberLabelText(label: NumberLabel): string {
  return t(LABELS[label]);
}

/** "line 45: no name or number; line 80: card not closed, and 3 more" */
export function skippedText(skipped: readonly Skipped[]): string {
  const listed = skipped.slice(0, LISTED_SKIPS).map((s) => t('contactsSkippedLine', [String(s.line), t(SKIP_REASONS[s.reason])]));
  const rest = skipped.length - listed.length;
  return rest > 0 ? `${listed.join('; ')}, ${t('contactsSkippedMore', String(rest))}` : listed.join('; ');
}

/** "312 imported, 2 skipped (line 45: no name or number)", or why nothing changed. */
export function importOutcomeText(outcome: ImportOutcome): string {
  if (!outcome.ok) {
    const text = t(IMPORT_ERRORS[outcome.code]);
    return outcome.skipped.length > 0 ? `${text} (${skippedText(outcome.skipped)})` : text;
  }
  if (outcome.skipped.length === 0) return t('contactsImported', formatCount(outcome.imported));
  return t('contactsImportedSkipped', [formatCount(outcome.imported), formatCount(outcome.skipped.length), skippedText(outcome.skipped)]);
}

export function saveContactErrorText(code: Exclude<SaveContactOutcome, { ok: true }>['code']): string {
  if (code === 'not_found') return t('contactsErrorNotFound');
  if (code === 'storage_failed') return t('contactsErrorStorage');
  return t(SKIP_REASONS[code]);
}

function formatCount(n: number): string {
  return n.toLocaleString();
}
