/**
 * The content lines of a vCard text (RFC 6350 §3.2, RFC 2426 §2.6, vCard 2.1 §2.1.3): physical
 * lines unfolded, each logical line split into group, name, parameters and raw value, with the
 * number of the physical line it started on.
 */

export interface ContentLine {
  /** 1-based physical line where this logical line starts. */
  line: number;
  /** Upper case, without its group ("item1.TEL" gives "TEL"). */
  name: string;
  /** Parameter names upper case; a bare parameter (vCard 2.1 `TEL;CELL:`) is a TYPE. */
  params: Map<string, string[]>;
  value: string;
}

export type LineResult = { ok: true; content: ContentLine } | { ok: false; line: number };

const NAME = /^(?:[A-Za-z0-9-]+\.)?([A-Za-z0-9-]+)$/;

/**
 * The physical lines, as `text.split(/\r\n|\n|\r/)` gives them, one at a time: a file of 100,000
 * cards is not cut into 600,000 strings before the first card is read, in one run that a sliced
 * import could not pause.
 */
export function* physicalLines(text: string): Generator<string> {
  const breaks = /\r\n|\n|\r/g;
  let start = 0;
  for (;;) {
    const found = breaks.exec(text);
    if (found === null) {
      yield text.slice(start);
      return;
    }
    yield text.slice(start, found.index);
    start = found.index + found[0].length;
  }
}

/** Logical lines: a line that starts with a space or tab continues the one before; a quoted-printable value ending in `=` continues on the next line. */
export function* logicalLines(text: string): Generator<{ line: number; text: string }> {
  let current: { line: number; text: string } | null = null;
  let i = -1;
  for (const raw of physicalLines(text)) {
    i++;
    if (current !== null && (raw.startsWith(' ') || raw.startsWith('\t'))) {
      current.text += raw.slice(1);
      continue;
    }
    if (current !== null && current.text.endsWith('=') && isQuotedPrintable(current.text)) {
      current.text = `${current.text}\n${raw}`;
      continue;
    }
    if (current !== null) yield current;
    current = { line: i + 1, text: raw };
  }
  if (current !== null) yield current;
}

function isQuotedPrintable(text: string): boolean {
  const colon = text.indexOf(':');
  return colon > 0 && /QUOTED-PRINTABLE/i.test(text.slice(0, colon));
}

/** Splits `s` at `separator`, not inside double quotes. */
function splitOutsideQuotes(s: string, separator: string): string[] {
  const parts: string[] = [];
  let quoted = false;
  let start = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c === '"') quoted = !quoted;
    else if (c === separator && !quoted) {
      parts.push(s.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(s.slice(start));
  return parts;
}

function firstColonOutsideQuotes(s: string): number {
  let quoted = false;
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c === '"') quoted = !quoted;
    else if (c === ':' && !quoted) return i;
  }
  return -1;
}

/** One logical line as a content line, or not one (no colon, a name with other characters). */
export function contentLine(line: number, text: string): LineResult {
  const colon = firstColonOutsideQuotes(text);
  if (colon <= 0) return { ok: false, line };
  const [head = '', ...rawParams] = splitOutsideQuotes(text.slice(0, colon), ';');
  const name = NAME.exec(head.trim())?.[1];
  if (name === undefined) return { ok: false, line };
  const params = new Map<string, string[]>();
  for (const param of rawParams) {
    const eq = param.indexOf('=');
    const key = (eq < 0 ? 'TYPE' : param.slice(0, eq)).trim().toUpperCase();
    const values = eq < 0 ? [param] : splitOutsideQuotes(param.slice(eq + 1), ',');
    const list = params.get(key) ?? [];
    for (const value of values) list.push(value.replace(/^"|"$/g, '').trim());
    params.set(key, list);
  }
  return { ok: true, content: { line, name: name.toUpperCase(), params, value: text.slice(colon + 1) } };
}

/** A quoted-printable value decoded in its charset (UTF-8 unless told; Latin-1 and Windows-1252 from old exports). */
export function decodeQuotedPrintable(value: string, charset = 'utf-8'): string {
  const bytes: number[] = [];
  const text = value.replace(/=\r?\n/g, '');
  for (let i = 0; i < text.length; i++) {
    const c = text[i] ?? '';
    const hex = c === '=' ? text.slice(i + 1, i + 3) : '';
    if (/^[0-9A-Fa-f]{2}$/.test(hex)) {
      bytes.push(Number.parseInt(hex, 16));
      i += 2;
    } else {
      for (const b of new TextEncoder().encode(c)) bytes.push(b);
    }
  }
  let decoder: TextDecoder;
  try {
    decoder = new TextDecoder(charset.toLowerCase());
  } catch {
    decoder = new TextDecoder('utf-8');
  }
  return decoder.decode(new Uint8Array(bytes));
}

/** A text value with its backslash escapes read (`\n`, `\,`, `\;`, `\\`). */
export function unescapeText(value: string): string {
  return value.replace(/\\([nN,;:\\])/g, (_, c: string) => (c === 'n' || c === 'N' ? '\n' : c));
}

/** The components of a structured value (N, ORG), split at unescaped semicolons and unescaped. */
export function components(value: string): string[] {
  const parts: string[] = [];
  let current = '';
  for (let i = 0; i < value.length; i++) {
    const c = value[i];
    if (c === '\\' && i + 1 < value.length) {
      current += value.slice(i, i + 2);
      i++;
    } else if (c === ';') {
      parts.push(unescapeText(current));
      current = '';
    } else current += c;
  }
  parts.push(unescapeText(current));
  return parts;
}
