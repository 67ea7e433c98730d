/** Text as search compares it: lower case, accents dropped ("Zoë Müller" and "zoe muller" meet), white space collapsed. */
export function foldText(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/ß/g, 'ss').replace(/\s+/g, ' ').trim();
}

/** A query that is a number being typed: digits with separators, maybe a leading `+`. */
export function isNumberQuery(query: string): boolean {
  return /^\+?[\d\s().\-/]+$/.test(query.trim()) && /\d/.test(query);
}
