import { type Contact, type ContactNumber, LOCAL_SOURCE } from './contact';
import { contactFrom, type ReadResult, type SkipReason } from './entry';
import { labelFrom } from './labels';
import { type ContentLine, components, contentLine, decodeQuotedPrintable, logicalLines, unescapeText } from './vcardLines';

export type { ReadResult, Skipped, SkipReason } from './entry';

/** A card longer than this is refused: no phone book entry needs it, and a server could send endless ones. */
export const MAX_CARD_CHARS = 128 * 1024;

/**
 * Reads vCard 2.1, 3.0 and 4.0 text: every card that has a name and a number becomes a contact.
 * A card with a line that is not a property, one left open, one too large, or one without a
 * number is skipped and named by its first line; the cards around it are read all the same.
 * Pure: the CardDAV sync reads the cards it fetches with it too.
 */
export function parseVCards(text: string, sourceId: string = LOCAL_SOURCE): ReadResult {
  const result: ReadResult = { contacts: [], skipped: [] };
  for (const card of readVCards(text, sourceId)) {
    if (card.ok) result.contacts.push(card.contact);
    else result.skipped.push({ line: card.line, reason: card.reason });
  }
  return result;
}

export type CardResult = { ok: true; contact: Contact } | { ok: false; line: number; reason: SkipReason };

/** The cards of a text one by one, so a long import can pause between them. */
export function* readVCards(text: string, sourceId: string = LOCAL_SOURCE): Generator<CardResult> {
  let card: { line: number; lines: ContentLine[]; chars: number; bad: number | null } | null = null;
  for (const { line, text: logical } of logicalLines(text)) {
    if (logical.trim() === '') continue;
    const parsed = contentLine(line, logical);
    const name = parsed.ok ? parsed.content.name : '';
    const value = parsed.ok ? parsed.content.value.trim().toUpperCase() : '';
    if (name === 'BEGIN' && value === 'VCARD') {
      if (card !== null) yield { ok: false, line: card.line, reason: 'unterminated_card' };
      card = { line, lines: [], chars: 0, bad: null };
      continue;
    }
    if (card === null) continue;
    if (name === 'END' && value === 'VCARD') {
      yield cardResult(card, sourceId);
      card = null;
      continue;
    }
    card.chars += logical.length;
    if (!parsed.ok) card.bad ??= line;
    else if (card.chars <= MAX_CARD_CHARS) card.lines.push(parsed.content);
  }
  if (card !== null) yield { ok: false, line: card.line, reason: 'unterminated_card' };
}

function cardResult(card: { line: number; lines: ContentLine[]; chars: number; bad: number | null }, sourceId: string): CardResult {
  if (card.chars > MAX_CARD_CHARS) return { ok: false, line: card.line, reason: 'too_large' };
  if (card.bad !== null) return { ok: false, line: card.bad, reason: 'malformed_line' };
  let fn = '';
  let structured = '';
  let company = '';
  let uid = '';
  const numbers: ContactNumber[] = [];
  for (const property of card.lines) {
    const value = decodedValue(property);
    switch (property.name) {
      case 'FN':
        fn ||= unescapeText(value);
        break;
      case 'N': {
        const [family = '', given = '', additional = '', prefix = '', suffix = ''] = components(value);
        structured ||= [prefix, given, additional, family, suffix].filter((p) => p.trim() !== '').join(' ');
        break;
      }
      case 'ORG':
        company ||= components(value)
          .filter((p) => p.trim() !== '')
          .join(', ');
        break;
      case 'UID':
        uid ||= unescapeText(value).trim();
        break;
      case 'TEL':
        numbers.push({ label: labelFrom(typesOf(property)), value: unescapeText(value) });
        break;
    }
  }
  const contact = contactFrom({ id: uid || `line-${card.line}`, name: fn || structured, company, numbers, sourceId });
  return typeof contact === 'string' ? { ok: false, line: card.line, reason: contact } : { ok: true, contact };
}

function decodedValue(property: ContentLine): string {
  const encoding = property.params.get('ENCODING')?.[0]?.toUpperCase();
  if (encoding !== 'QUOTED-PRINTABLE') return property.value;
  return decodeQuotedPrintable(property.value, property.params.get('CHARSET')?.[0] ?? 'utf-8');
}

function typesOf(property: ContentLine): string[] {
  return (property.params.get('TYPE') ?? []).flatMap((t) => t.split(','));
}
