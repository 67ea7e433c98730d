import * as v from 'valibot';
import { toDialString } from '../numbers/dialString';
import { perItem } from '../settings/perField';

/** A colleague whose phone the agent watches: their name and internal extension. */
export interface Colleague {
  name: string;
  extension: string;
}

/** A speed dial for an outside number, as the Quick Call keys of a desk phone. */
export interface QuickCall {
  name: string;
  number: string;
}

export interface ColleagueSettings {
  colleagues: Colleague[];
  quickCalls: QuickCall[];
  /** What the PBX wants dialled before an extension to pick up its ringing call (`**`, `*8`…), or '' for none. */
  pickupCode: string;
}

export type ColleagueErrorCode = 'required' | 'too_long' | 'not_dialable' | 'duplicate_name' | 'duplicate_number' | 'too_many' | 'not_json' | 'malformed';

/** Where a problem is: a colleague's or quick call's field, the pickup code, or the whole input. */
export interface ColleagueSettingsError {
  list: 'colleagues' | 'quickCalls' | null;
  index: number | null;
  field: 'name' | 'extension' | 'number' | 'pickupCode' | 'form';
  code: ColleagueErrorCode;
}

export type ParsedColleagueSettings = { ok: true; value: ColleagueSettings } | { ok: false; errors: ColleagueSettingsError[] };

/** One subscription each: the PBX's load grows with the list. */
export const MAX_COLLEAGUES = 50;
export const MAX_QUICK_CALLS = 20;
export const emptyColleagueSettings: ColleagueSettings = { colleagues: [], quickCalls: [], pickupCode: '' };

const EXTENSION = /^[0-9]{1,16}$/;
const PICKUP_CODE = /^[0-9*#]{0,8}$/;

const name = v.pipe(v.string('required'), v.trim(), v.nonEmpty('required'), v.maxLength(40, 'too_long'));
const ColleagueSchema = v.object(
  { name, extension: v.pipe(v.string('required'), v.trim(), v.nonEmpty('required'), v.regex(EXTENSION, 'not_dialable')) },
  'malformed',
);
const QuickCallSchema = v.object(
  {
    name,
    number: v.pipe(
      v.string('required'),
      v.trim(),
      v.nonEmpty('required'),
      v.maxLength(40, 'too_long'),
      v.check((n) => toDialString(n).ok, 'not_dialable'),
    ),
  },
  'malformed',
);
const OuterSchema = v.object(
  {
    colleagues: v.optional(v.pipe(v.array(v.unknown(), 'malformed'), v.maxLength(MAX_COLLEAGUES, 'too_many')), []),
    quickCalls: v.optional(v.pipe(v.array(v.unknown(), 'malformed'), v.maxLength(MAX_QUICK_CALLS, 'too_many')), []),
    pickupCode: v.optional(v.pipe(v.string('not_dialable'), v.trim(), v.regex(PICKUP_CODE, 'not_dialable')), ''),
  },
  'malformed',
);

function itemErrors(list: 'colleagues' | 'quickCalls', index: number, issues: readonly v.BaseIssue<unknown>[]): ColleagueSettingsError[] {
  const errors: ColleagueSettingsError[] = [];
  for (const issue of issues) {
    const key = issue.path?.[0]?.key;
    const field = key === 'name' || key === 'extension' || key === 'number' ? key : 'form';
    if (!errors.some((e) => e.field === field)) errors.push({ list, index, field, code: issue.message as ColleagueErrorCode });
  }
  return errors;
}

/** Names are unique whatever their case, and so are extensions and quick call numbers. */
function duplicates<T>(list: 'colleagues' | 'quickCalls', items: T[], nameOf: (t: T) => string, numberOf: (t: T) => string, field: 'extension' | 'number') {
  const errors: ColleagueSettingsError[] = [];
  const names = new Set<string>();
  const numbers = new Set<string>();
  items.forEach((item, index) => {
    const key = nameOf(item).toLocaleLowerCase();
    if (names.has(key)) errors.push({ list, index, field: 'name', code: 'duplicate_name' });
    names.add(key);
    if (numbers.has(numberOf(item))) errors.push({ list, index, field, code: 'duplicate_number' });
    numbers.add(numberOf(item));
  });
  return errors;
}

/** Checks and normalises colleague settings from the form, storage or a file. Never throws. */
export function parseColleagueSettings(input: unknown): ParsedColleagueSettings {
  const outer = v.safeParse(OuterSchema, input);
  if (!outer.success) {
    const key = outer.issues[0].path?.[0]?.key;
    const field = key === 'pickupCode' ? 'pickupCode' : 'form';
    const list = key === 'colleagues' || key === 'quickCalls' ? key : null;
    return { ok: false, errors: [{ list, index: null, field, code: outer.issues[0].message as ColleagueErrorCode }] };
  }
  const errors: ColleagueSettingsError[] = [];
  const colleagues: Colleague[] = [];
  const quickCalls: QuickCall[] = [];
  outer.output.colleagues.forEach((raw, index) => {
    const parsed = v.safeParse(ColleagueSchema, raw);
    if (parsed.success) colleagues.push(parsed.output);
    else errors.push(...itemErrors('colleagues', index, parsed.issues));
  });
  outer.output.quickCalls.forEach((raw, index) => {
    const parsed = v.safeParse(QuickCallSchema, raw);
    if (parsed.success) quickCalls.push(parsed.output);
    else errors.push(...itemErrors('quickCalls', index, parsed.issues));
  });
  if (errors.length > 0) return { ok: false, errors };
  errors.push(
    ...duplicates(
      'colleagues',
      colleagues,
      (c) => c.name,
      (c) => c.extension,
      'extension',
    ),
    ...duplicates(
      'quickCalls',
      quickCalls,
      (q) => q.name,
      (q) => q.number,
      'number',
    ),
  );
  if (errors.length > 0) return { ok: false, errors };
  return { ok: true, value: { colleagues, quickCalls, pickupCode: outer.output.pickupCode } };
}

/** Reads a file an administrator prepared: `{ "colleagues": [...], "quickCalls": [...], "pickupCode": "**" }`. */
export function importColleagueSettings(text: string): ParsedColleagueSettings {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { ok: false, errors: [{ list: null, index: null, field: 'form', code: 'not_json' }] };
  }
  if (Array.isArray(json)) json = { colleagues: json };
  return parseColleagueSettings(json);
}

export function exportColleagueSettings(settings: ColleagueSettings): string {
  return `${JSON.stringify(settings, null, 2)}\n`;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Stored settings, read leniently: a damaged colleague or quick call is left out (as is one that
 * repeats an earlier name or number), a damaged pickup code is none; the rest is kept.
 */
export function storedColleagueSettings(input: unknown): ColleagueSettings {
  if (!isRecord(input)) return emptyColleagueSettings;
  const colleagues: Colleague[] = [];
  for (const colleague of perItem(input.colleagues, (raw) => (v.safeParse(ColleagueSchema, raw).success ? v.parse(ColleagueSchema, raw) : null))) {
    if (colleagues.length >= MAX_COLLEAGUES) break;
    if (
      duplicates(
        'colleagues',
        [...colleagues, colleague],
        (c) => c.name,
        (c) => c.extension,
        'extension',
      ).length === 0
    )
      colleagues.push(colleague);
  }
  const quickCalls: QuickCall[] = [];
  for (const quickCall of perItem(input.quickCalls, (raw) => (v.safeParse(QuickCallSchema, raw).success ? v.parse(QuickCallSchema, raw) : null))) {
    if (quickCalls.length >= MAX_QUICK_CALLS) break;
    if (
      duplicates(
        'quickCalls',
        [...quickCalls, quickCall],
        (q) => q.name,
        (q) => q.number,
        'number',
      ).length === 0
    )
      quickCalls.push(quickCall);
  }
  const pickup = v.safeParse(OuterSchema.entries.pickupCode, input.pickupCode);
  return { colleagues, quickCalls, pickupCode: pickup.success ? pickup.output : '' };
}
