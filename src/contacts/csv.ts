import Papa from 'papaparse';
import { type ContactNumber, LOCAL_SOURCE } from './contact';
import { contactFrom, type ReadResult } from './entry';
import { labelFrom } from './labels';

/**
 * Reads CSV exports of Google Contacts (old and new headers: "Name" or "First Name", "Phone 1 -
 * Label"/"Phone 1 - Type" with "Phone 1 - Value", several numbers in one cell joined by ":::")
 * and Outlook ("First Name", "Last Name", "Company", "Business Phone", "Mobile Phone", "Home
 * Fax"…), with commas, semicolons or tabs between fields. A row that cannot be read, or has no
 * number, is skipped and named by its line; a file whose header names neither a name nor a phone
 * column is not a contacts file (null).
 *
 * Papa Parse reads the CSV itself: quoted fields over several lines, doubled quotes and the
 * delimiter are what it is good at, and it never reaches the popup.
 */
export function parseContactsCsv(text: string, sourceId: string = LOCAL_SOURCE): ReadResult | null {
  const input = text.replace(/^\uFEFF/, '');
  let outcome: ReadResult | null = null;
  // Papa Parse reads a string at once and completes before it returns.
  Papa.parse<string[]>(input, { skipEmptyLines: true, ...csvReader(input, sourceId, (result) => (outcome = result)) });
  return outcome;
}

/** What a long read pauses with: `due()` after each row, `pause()` then. */
export interface ReadSlices {
  due(): boolean;
  pause(): Promise<void>;
}

/** `parseContactsCsv` in slices: the parser pauses whenever `slices.due()`, and `progress` hears how many of the file's lines are read. */
export function readContactsCsv(
  text: string,
  slices: ReadSlices,
  progress: (done: number, total: number) => void,
  sourceId: string = LOCAL_SOURCE,
): Promise<ReadResult | null> {
  const input = text.replace(/^\uFEFF/, '');
  return new Promise((resolve, reject) => {
    const reader = csvReader(input, sourceId, resolve);
    // After a pause Papa Parse reads the rest of the text as a new one: its cursor starts again at 0.
    let base = 0;
    const lines = countNewlines(input, 0, input.length) + 1;
    Papa.parse<string[]>(input, {
      skipEmptyLines: true,
      step: (row, parser) => {
        const end = base + row.meta.cursor;
        reader.step(row, parser, end);
        if (!slices.due()) return;
        progress(reader.line(), lines);
        base = end;
        parser.pause();
        slices.pause().then(() => parser.resume(), reject);
      },
      complete: reader.complete,
    });
  });
}

/** The row reader both take: each row read into a contact or a skipped line, the result given once the parser completes. */
function csvReader(input: string, sourceId: string, done: (result: ReadResult | null) => void) {
  let columns: Columns | null = null;
  let refused = false;
  let rowStart = 0;
  let line = 1;
  const result: ReadResult = { contacts: [], skipped: [] };
  return {
    step: (row: Papa.ParseStepResult<string[]>, parser: Papa.Parser, end = row.meta.cursor): void => {
      const startLine = line + countNewlines(input, rowStart, firstNonBlank(input, rowStart, end));
      line += countNewlines(input, rowStart, end);
      rowStart = end;
      if (columns === null) {
        columns = columnsOf(row.data);
        if (columns === null) {
          refused = true;
          parser.abort();
        }
        return;
      }
      if (row.data.every((cell) => cell.trim() === '')) return;
      if (row.errors.length > 0) {
        result.skipped.push({ line: startLine, reason: 'malformed_line' });
        return;
      }
      const contact = contactFrom({ ...columns.read(row.data), id: `line-${startLine}`, sourceId });
      if (typeof contact === 'string') result.skipped.push({ line: startLine, reason: contact });
      else result.contacts.push(contact);
    },
    complete: (): void => done(refused || columns === null ? null : result),
    /** The line the next row starts on. */
    line: (): number => line,
  };
}

function countNewlines(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) n++;
  }
  return n;
}

function firstNonBlank(text: string, from: number, to: number): number {
  let i = from;
  while (i < to && (text[i] === '\n' || text[i] === '\r')) i++;
  return i;
}

interface Columns {
  read(row: readonly string[]): { name: string; company: string; numbers: ContactNumber[] };
}

const FULL_NAME = ['name', 'display name', 'full name', 'file as'];
const GIVEN = ['first name', 'given name'];
const MIDDLE = ['middle name', 'additional name'];
const FAMILY = ['last name', 'family name', 'surname'];
const COMPANY = ['organization name', 'organization 1 - name', 'company', 'organization'];
const GOOGLE_PHONE = /^phone (\d+) - value$/;
/** Outlook's phone columns, and anything else named like a phone ("Work Phone", "Mobile"). */
const PHONE_COLUMN = /phone|mobile|fax|\btel\b|telephone/;

function columnsOf(header: readonly string[]): Columns | null {
  const names = header.map((h) => h.trim().toLowerCase());
  const find = (candidates: readonly string[]): number => names.findIndex((n) => candidates.includes(n));
  const fullName = find(FULL_NAME);
  const given = find(GIVEN);
  const middle = find(MIDDLE);
  const family = find(FAMILY);
  const company = find(COMPANY);
  const phones: { value: number; label: number | null; header: string }[] = [];
  names.forEach((name, i) => {
    const google = GOOGLE_PHONE.exec(name);
    if (google) {
      const label = names.findIndex((n) => n === `phone ${google[1]} - label` || n === `phone ${google[1]} - type`);
      phones.push({ value: i, label: label < 0 ? null : label, header: '' });
    } else if (PHONE_COLUMN.test(name) && !/ - (label|type)$|yomi/.test(name)) {
      phones.push({ value: i, label: null, header: name });
    }
  });
  if (phones.length === 0 && fullName < 0 && given < 0 && family < 0) return null;
  const cell = (row: readonly string[], i: number): string => (i < 0 ? '' : (row[i] ?? '').trim());
  return {
    read: (row) => {
      const name = cell(row, fullName) || [cell(row, given), cell(row, middle), cell(row, family)].filter((p) => p !== '').join(' ');
      const numbers: ContactNumber[] = [];
      for (const phone of phones) {
        const label = labelFrom([phone.label === null ? phone.header : cell(row, phone.label)]);
        for (const value of cell(row, phone.value).split(':::')) if (value.trim() !== '') numbers.push({ label, value });
      }
      return { name, company: cell(row, company), numbers };
    },
  };
}
