import type { Contact } from './contact';
import { VCARD_TYPES } from './labels';

/**
 * The contacts as vCard 3.0 (what Google, Outlook, Apple and Nextcloud all import): CRLF line
 * ends, text escaped, lines folded at 75 octets without cutting a UTF-8 character.
 */
export function writeVCards(contacts: readonly Contact[]): string {
  return contacts.map(writeVCard).join('');
}

export function writeVCard(contact: Contact): string {
  const lines = ['BEGIN:VCARD', 'VERSION:3.0', `UID:${escapeText(contact.id)}`, `FN:${escapeText(contact.name)}`, `N:${escapeText(contact.name)};;;;`];
  if (contact.company !== '') lines.push(`ORG:${escapeText(contact.company)}`);
  for (const n of contact.numbers) lines.push(`TEL;TYPE=${VCARD_TYPES[n.label]}:${escapeText(n.value)}`);
  lines.push('END:VCARD');
  return lines.map(fold).join('\r\n') + '\r\n';
}

export function escapeText(value: string): string {
  return value.replace(/[\\,;]/g, (c) => `\\${c}`).replace(/\r\n|\n|\r/g, '\\n');
}

function utf8Length(character: string): number {
  const code = character.codePointAt(0) ?? 0;
  return code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
}

/** Folds a line into pieces of at most 75 octets, each continuation starting with a space. */
export function fold(line: string): string {
  if (line.length <= 75 && /^[\x00-\x7f]*$/.test(line)) return line;
  const pieces: string[] = [];
  let current = '';
  let octets = 0;
  for (const character of line) {
    const size = utf8Length(character);
    const limit = pieces.length === 0 ? 75 : 74;
    if (octets + size > limit) {
      pieces.push(current);
      current = '';
      octets = 0;
    }
    current += character;
    octets += size;
  }
  pieces.push(current);
  return pieces.join('\r\n ');
}
