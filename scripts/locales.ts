// Translation status of public/_locales against the English source: for every locale, the keys it
// lacks (with the English text to translate), the keys English no longer has, the messages whose
// placeholders ($1, $2, %s) differ from the English ones, and empty messages.
// Usage: npm run locales   (exits 1 when a locale needs work)
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const LOCALES_DIR = resolve(import.meta.dirname, '../public/_locales');
export const SOURCE_LOCALE = 'en';

export type Messages = Record<string, { message: string; description?: string }>;

export interface LocaleReport {
  locale: string;
  /** Keys English has and this locale does not. */
  missing: string[];
  /** Keys this locale has and English does not. */
  extra: string[];
  /** Keys whose placeholders differ from English: what English has and what this locale has. */
  placeholders: { key: string; expected: string[]; actual: string[] }[];
  /** Keys whose message is missing, not a string or only blanks. */
  empty: string[];
}

export function readMessages(locale: string, dir = LOCALES_DIR): Messages {
  return JSON.parse(readFileSync(join(dir, locale, 'messages.json'), 'utf8')) as Messages;
}

/** The translated locales: every folder of public/_locales but English. */
export function translatedLocales(dir = LOCALES_DIR): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && entry.name !== SOURCE_LOCALE)
    .map((entry) => entry.name)
    .sort();
}

/**
 * The substitutions a message uses, sorted: chrome.i18n's positional $1…$9, named $placeholder$
 * references, and the %s the context menu fills with the selected text. "$$" is a literal dollar.
 */
export function placeholdersOf(message: string): string[] {
  const found = message.replace(/\$\$/g, '').match(/\$[1-9]|\$[A-Za-z0-9_@]+\$|%s/g) ?? [];
  return found.sort();
}

export function compareLocale(locale: string, source: Messages, translated: Messages): LocaleReport {
  const report: LocaleReport = { locale, missing: [], extra: [], placeholders: [], empty: [] };
  for (const key of Object.keys(source)) {
    if (!Object.hasOwn(translated, key)) report.missing.push(key);
  }
  for (const [key, entry] of Object.entries(translated)) {
    if (!Object.hasOwn(source, key)) {
      report.extra.push(key);
      continue;
    }
    const message = entry?.message;
    if (typeof message !== 'string' || message.trim() === '') {
      report.empty.push(key);
      continue;
    }
    const expected = placeholdersOf(source[key]!.message);
    const actual = placeholdersOf(message);
    if (expected.join(' ') !== actual.join(' ')) report.placeholders.push({ key, expected, actual });
  }
  return report;
}

export function needsWork(report: LocaleReport): boolean {
  return report.missing.length + report.extra.length + report.placeholders.length + report.empty.length > 0;
}

export function checkAllLocales(dir = LOCALES_DIR): LocaleReport[] {
  const source = readMessages(SOURCE_LOCALE, dir);
  return translatedLocales(dir).map((locale) => compareLocale(locale, source, readMessages(locale, dir)));
}

function printReport(dir = LOCALES_DIR): boolean {
  const source = readMessages(SOURCE_LOCALE, dir);
  const reports = checkAllLocales(dir);
  console.log(`${SOURCE_LOCALE}: ${Object.keys(source).length} keys (source)`);
  for (const report of reports) {
    const count = Object.keys(readMessages(report.locale, dir)).length;
    if (!needsWork(report)) {
      console.log(`${report.locale}: ${count} keys, complete`);
      continue;
    }
    console.log(
      `${report.locale}: ${count} keys, ${report.missing.length} missing, ${report.extra.length} extra, ${report.placeholders.length} placeholder mismatches, ${report.empty.length} empty`,
    );
    for (const key of report.missing) console.log(`  missing      ${key}: ${JSON.stringify(source[key]!.message)}`);
    for (const key of report.extra) console.log(`  extra        ${key} (English no longer has it)`);
    for (const { key, expected, actual } of report.placeholders)
      console.log(`  placeholders ${key}: English has [${expected.join(' ')}], ${report.locale} has [${actual.join(' ')}]`);
    for (const key of report.empty) console.log(`  empty        ${key}`);
  }
  return reports.some(needsWork);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exitCode = printReport() ? 1 : 0;
}
