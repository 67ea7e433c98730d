import { isAlreadyAdded, originPattern } from '../contacts/carddav/sources';
import { type CrmTemplateProblem, checkCrmTemplate } from '../contacts/crmLookup';
import { checkRecordTemplate, type RecordTemplateProblem } from '../contacts/recordTemplate';
import { SCREEN_POP_MODES, type ScreenPopMode } from '../contacts/screenPop';

/** A CardDAV address book as the settings file carries it: its password only when the export was asked to include passwords. */
export interface FileCardDavSource {
  url: string;
  username: string;
  recordUrlTemplate?: string;
  password?: string;
}

/** The settings file's `contacts` section: each field optional on import, all written on export. */
export interface ContactsFileSettings {
  cardDavSources?: FileCardDavSource[];
  crmLookupUrl?: string;
  screenPop?: ScreenPopMode;
  recordUrlTemplate?: string;
  unknownCallers?: boolean;
}

export type ContactsFileError =
  | { code: 'not_an_object' }
  | { code: 'unknown_field'; field: string }
  | { code: 'wrong_type'; field: string }
  | { code: 'carddav_url'; index: number }
  | { code: 'carddav_username'; index: number }
  | { code: 'carddav_duplicate'; index: number }
  | { code: 'carddav_record_template'; index: number; problem: RecordTemplateProblem }
  | { code: 'crm_lookup_url'; problem: CrmTemplateProblem }
  | { code: 'record_template'; problem: RecordTemplateProblem };

const FIELDS = ['cardDavSources', 'crmLookupUrl', 'screenPop', 'recordUrlTemplate', 'unknownCallers'];
const SOURCE_FIELDS = ['url', 'username', 'recordUrlTemplate', 'password'];
const MAX_SOURCES = 20;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function httpUrl(text: string): string | null {
  if (!URL.canParse(text.trim())) return null;
  const url = new URL(text.trim());
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
  url.hash = '';
  return url.href;
}

function parseSource(input: unknown, index: number, errors: ContactsFileError[]): FileCardDavSource | null {
  if (!isRecord(input)) {
    errors.push({ code: 'wrong_type', field: `cardDavSources.${index}` });
    return null;
  }
  for (const key of Object.keys(input)) if (!SOURCE_FIELDS.includes(key)) errors.push({ code: 'unknown_field', field: `cardDavSources.${index}.${key}` });
  const url = typeof input.url === 'string' ? httpUrl(input.url) : null;
  if (url === null) errors.push({ code: 'carddav_url', index });
  const username = typeof input.username === 'string' ? input.username.trim() : '';
  if (username === '') errors.push({ code: 'carddav_username', index });
  const source: FileCardDavSource = { url: url ?? '', username };
  if (input.recordUrlTemplate !== undefined && input.recordUrlTemplate !== '') {
    if (typeof input.recordUrlTemplate !== 'string') errors.push({ code: 'wrong_type', field: `cardDavSources.${index}.recordUrlTemplate` });
    else {
      const checked = checkRecordTemplate(input.recordUrlTemplate.trim());
      if (checked.ok) source.recordUrlTemplate = input.recordUrlTemplate.trim();
      else errors.push({ code: 'carddav_record_template', index, problem: checked.problem });
    }
  }
  if (input.password !== undefined && input.password !== '') {
    if (typeof input.password !== 'string') errors.push({ code: 'wrong_type', field: `cardDavSources.${index}.password` });
    else source.password = input.password;
  }
  return url === null || username === '' ? null : source;
}

/**
 * Reads the `contacts` section of a settings file: only the fields it has, each checked as the
 * settings page checks it. Nothing of it is taken when one field is wrong.
 */
export function parseContactsSection(input: unknown): { ok: true; value: ContactsFileSettings } | { ok: false; errors: ContactsFileError[] } {
  if (!isRecord(input)) return { ok: false, errors: [{ code: 'not_an_object' }] };
  const errors: ContactsFileError[] = [];
  const value: ContactsFileSettings = {};
  for (const key of Object.keys(input)) if (!FIELDS.includes(key)) errors.push({ code: 'unknown_field', field: key });
  if ('cardDavSources' in input) {
    const list = input.cardDavSources;
    if (!Array.isArray(list) || list.length > MAX_SOURCES) errors.push({ code: 'wrong_type', field: 'cardDavSources' });
    else {
      const sources: FileCardDavSource[] = [];
      list.forEach((item, index) => {
        const source = parseSource(item, index, errors);
        if (source === null) return;
        if (
          isAlreadyAdded(
            sources.map((s) => ({ ...s, id: '', passwordKey: '', addressBooks: [] })),
            source.url,
            source.username,
          )
        )
          errors.push({ code: 'carddav_duplicate', index });
        else sources.push(source);
      });
      value.cardDavSources = sources;
    }
  }
  if ('crmLookupUrl' in input) {
    const url = input.crmLookupUrl;
    if (typeof url !== 'string') errors.push({ code: 'wrong_type', field: 'crmLookupUrl' });
    else if (url.trim() === '') value.crmLookupUrl = '';
    else {
      const checked = checkCrmTemplate(url.trim());
      if (checked.ok) value.crmLookupUrl = url.trim();
      else errors.push({ code: 'crm_lookup_url', problem: checked.problem });
    }
  }
  if ('screenPop' in input) {
    const mode = input.screenPop;
    if (typeof mode === 'string' && (SCREEN_POP_MODES as readonly string[]).includes(mode)) value.screenPop = mode as ScreenPopMode;
    else errors.push({ code: 'wrong_type', field: 'screenPop' });
  }
  if ('recordUrlTemplate' in input) {
    const template = input.recordUrlTemplate;
    if (typeof template !== 'string') errors.push({ code: 'wrong_type', field: 'recordUrlTemplate' });
    else if (template.trim() === '') value.recordUrlTemplate = '';
    else {
      const checked = checkRecordTemplate(template.trim());
      if (checked.ok) value.recordUrlTemplate = template.trim();
      else errors.push({ code: 'record_template', problem: checked.problem });
    }
  }
  if ('unknownCallers' in input) {
    if (typeof input.unknownCallers === 'boolean') value.unknownCallers = input.unknownCallers;
    else errors.push({ code: 'wrong_type', field: 'unknownCallers' });
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, value };
}

/** The host permission patterns an import of this section needs: each CardDAV server's and the lookup URL's sites. */
export function contactsOriginsNeeded(contacts: ContactsFileSettings | undefined): string[] {
  if (!contacts) return [];
  const origins = (contacts.cardDavSources ?? []).map((s) => originPattern(s.url));
  if (contacts.crmLookupUrl) {
    const checked = checkCrmTemplate(contacts.crmLookupUrl);
    if (checked.ok) origins.push(checked.origin);
  }
  return [...new Set(origins)];
}

/** "alice · https://dav.example.com/" for the preview; the password never. */
export function fileSourceText(source: Pick<FileCardDavSource, 'url' | 'username' | 'recordUrlTemplate'>): string {
  return `${source.username} · ${source.url}${source.recordUrlTemplate ? ` (${source.recordUrlTemplate})` : ''}`;
}
