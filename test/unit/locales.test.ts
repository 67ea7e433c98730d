import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import { compareLocale, LOCALES_DIR, placeholdersOf, readMessages, SOURCE_LOCALE, translatedLocales } from '../../scripts/locales';

const root = resolve(import.meta.dirname, '../..');
const en = readMessages(SOURCE_LOCALE);
const locales = translatedLocales();

/** Every src file's t('key') and chrome.i18n.getMessage('key') with a literal key. */
function keysUsedInSource(): { key: string; file: string }[] {
  const used: { key: string; file: string }[] = [];
  const files = readdirSync(join(root, 'src'), { recursive: true, encoding: 'utf8' }).filter((file) => /\.tsx?$/.test(file));
  for (const file of files) {
    const text = readFileSync(join(root, 'src', file), 'utf8');
    for (const match of text.matchAll(/(?:\bt|\bgetMessage)\(\s*(['"])([^'"]+)\1/g)) used.push({ key: match[2]!, file: `src/${file}` });
  }
  return used;
}

describe('locales', () => {
  test('the product is translated into French, Italian, Swedish, Dutch and German', () => {
    expect(locales).toEqual(expect.arrayContaining(['de', 'fr', 'it', 'nl', 'sv']));
  });

  test('English has no empty message', () => {
    for (const [key, entry] of Object.entries(en)) expect(entry.message.trim(), `en ${key}`).not.toBe('');
  });

  describe.each(locales)('%s', (locale) => {
    const translated = readMessages(locale);
    const report = compareLocale(locale, en, translated);

    test('has every key English has', () => {
      expect(report.missing, `${locale} lacks these keys; run npm run locales`).toEqual([]);
    });

    test('has no key English does not have', () => {
      expect(report.extra).toEqual([]);
    });

    test('keeps the placeholders of every English message', () => {
      expect(report.placeholders).toEqual([]);
    });

    test('has no empty message', () => {
      expect(report.empty).toEqual([]);
    });

    test('describes a message only where English does', () => {
      const described = Object.keys(translated).filter((key) => 'description' in translated[key]! && !(en[key] && 'description' in en[key]));
      expect(described).toEqual([]);
    });
  });

  test('every key the source passes to t() literally is in English', () => {
    const used = keysUsedInSource();
    expect(used.length).toBeGreaterThan(100);
    const unknown = used.filter(({ key }) => !Object.hasOwn(en, key)).map(({ key, file }) => `${key} (${file})`);
    expect(unknown).toEqual([]);
  });

  test('every __MSG_key__ of the manifest is in English', () => {
    const manifest = readFileSync(join(root, 'manifest.json'), 'utf8');
    const keys = [...manifest.matchAll(/__MSG_(\w+)__/g)].map((match) => match[1]!);
    expect(keys).toContain('extensionName');
    expect(keys.filter((key) => !Object.hasOwn(en, key))).toEqual([]);
  });
});

describe('the locale check itself', () => {
  const source = { a: { message: 'Call $1' }, b: { message: 'Connect $1 with $2' }, c: { message: 'Call “%s”' } };

  test('finds positional, named and context-menu placeholders, not a literal $$', () => {
    expect(placeholdersOf('queue $1, $2: $3')).toEqual(['$1', '$2', '$3']);
    expect(placeholdersOf('$2 mit $1')).toEqual(['$1', '$2']);
    expect(placeholdersOf('Hello $user$')).toEqual(['$user$']);
    expect(placeholdersOf('Appeler « %s »')).toEqual(['%s']);
    expect(placeholdersOf('costs $$5')).toEqual([]);
  });

  test('reports missing, extra, empty keys and changed placeholders', () => {
    const report = compareLocale('xx', source, { a: { message: 'Appeler' }, b: { message: ' ' }, d: { message: 'extra' } });
    expect(report).toEqual({
      locale: 'xx',
      missing: ['c'],
      extra: ['d'],
      empty: ['b'],
      placeholders: [{ key: 'a', expected: ['$1'], actual: [] }],
    });
  });

  test('accepts placeholders in another order', () => {
    expect(compareLocale('de', source, { a: { message: '$1 anrufen' }, b: { message: '$2 mit $1 verbinden' }, c: { message: '„%s“ anrufen' } })).toMatchObject({
      missing: [],
      extra: [],
      empty: [],
      placeholders: [],
    });
  });

  test('reads the real locales folder', () => {
    expect(readdirSync(LOCALES_DIR)).toContain(SOURCE_LOCALE);
  });
});
