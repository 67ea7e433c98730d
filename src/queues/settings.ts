import * as v from 'valibot';
import { perField, perItem } from '../settings/perField';

export type AgentKind = 'static' | 'dynamic';

/** One PBX call queue as the console lists it, plus how this user belongs to it. */
export interface QueueDefinition {
  name: string;
  /** The queue's internal extension: callers dial it, and the PBX shows it as the called number. */
  extension: string;
  /** "Agent connection" number: dialing it logs this user into the queue. */
  loginCode: string;
  /** "Agent disconnection" number. */
  logoutCode: string;
  /** Static agents are always connected; dynamic agents log in and out. */
  agent: AgentKind;
  /** A caller name prefix the PBX adds to queue calls (e.g. "[Support]"), or '' for none. */
  callerNamePrefix: string;
}

export interface QueueReminder {
  enabled: boolean;
  /** Local time of day, "HH:MM". */
  time: string;
}

export interface QueueSettings {
  queues: QueueDefinition[];
  reminder: QueueReminder;
}

export type QueueField = keyof QueueDefinition;

export type QueueErrorCode =
  | 'required'
  | 'too_long'
  | 'not_dialable'
  | 'bad_agent'
  | 'duplicate_name'
  | 'duplicate_number'
  | 'same_codes'
  | 'bad_time'
  | 'too_many'
  | 'not_json'
  | 'malformed';

/** A settings problem: where (queue index and field, or the reminder, or the whole file) and what. */
export interface QueueSettingsError {
  queue: number | null;
  field: QueueField | 'reminder' | 'form';
  code: QueueErrorCode;
}

export type ParsedQueueSettings = { ok: true; value: QueueSettings } | { ok: false; errors: QueueSettingsError[] };

export const MAX_QUEUES = 50;
export const DEFAULT_REMINDER: QueueReminder = { enabled: true, time: '18:00' };
export const emptyQueueSettings: QueueSettings = { queues: [], reminder: DEFAULT_REMINDER };

export const emptyQueue: QueueDefinition = { name: '', extension: '', loginCode: '', logoutCode: '', agent: 'dynamic', callerNamePrefix: '' };

/** What a phone can dial as a service code: digits, * and #. */
export const DIALABLE = /^[0-9*#]{1,32}$/;
const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

// Messages are error codes: the views word them (through the locale files).
const dialable = v.pipe(v.string('required'), v.trim(), v.nonEmpty('required'), v.regex(DIALABLE, 'not_dialable'));

const QueueSchema = v.object(
  {
    name: v.pipe(v.string('required'), v.trim(), v.nonEmpty('required'), v.maxLength(40, 'too_long')),
    extension: dialable,
    loginCode: dialable,
    logoutCode: dialable,
    agent: v.optional(v.picklist(['static', 'dynamic'], 'bad_agent'), 'dynamic'),
    callerNamePrefix: v.optional(v.pipe(v.string('malformed'), v.trim(), v.maxLength(40, 'too_long')), ''),
  },
  'malformed',
);

const ReminderSchema = v.object(
  {
    enabled: v.optional(v.boolean('malformed'), DEFAULT_REMINDER.enabled),
    time: v.optional(v.pipe(v.string('bad_time'), v.trim(), v.regex(TIME, 'bad_time')), DEFAULT_REMINDER.time),
  },
  'malformed',
);

const SettingsSchema = v.object(
  {
    queues: v.pipe(v.array(v.unknown(), 'malformed'), v.maxLength(MAX_QUEUES, 'too_many')),
    reminder: v.optional(v.unknown()),
  },
  'malformed',
);

function issueErrors(issues: readonly v.BaseIssue<unknown>[], queue: number | null, fallback: QueueSettingsError['field']): QueueSettingsError[] {
  const errors: QueueSettingsError[] = [];
  for (const issue of issues) {
    const key = issue.path?.[0]?.key;
    const field = queue !== null && typeof key === 'string' && key in emptyQueue ? (key as QueueField) : fallback;
    const code = issue.message as QueueErrorCode;
    if (!errors.some((e) => e.field === field)) errors.push({ queue, field, code });
  }
  return errors;
}

/** Names are unique whatever their case; every number (extension or code) is dialed for one purpose only. */
function crossChecks(queues: QueueDefinition[]): QueueSettingsError[] {
  const errors: QueueSettingsError[] = [];
  const names = new Map<string, number>();
  const numbers = new Map<string, number>();
  queues.forEach((queue, index) => {
    const name = queue.name.toLocaleLowerCase();
    if (names.has(name)) errors.push({ queue: index, field: 'name', code: 'duplicate_name' });
    else names.set(name, index);
    if (queue.loginCode === queue.logoutCode) errors.push({ queue: index, field: 'logoutCode', code: 'same_codes' });
    for (const field of ['extension', 'loginCode', 'logoutCode'] as const) {
      if (field === 'logoutCode' && queue.loginCode === queue.logoutCode) continue;
      const number = queue[field];
      if (numbers.has(number)) errors.push({ queue: index, field, code: 'duplicate_number' });
      else numbers.set(number, index);
    }
  });
  return errors;
}

/** Checks and normalises queue settings from any source (form, storage, import). Never throws. */
export function parseQueueSettings(input: unknown): ParsedQueueSettings {
  const outer = v.safeParse(SettingsSchema, input);
  if (!outer.success) return { ok: false, errors: [{ queue: null, field: 'form', code: outer.issues[0].message as QueueErrorCode }] };
  const errors: QueueSettingsError[] = [];
  const queues: QueueDefinition[] = [];
  outer.output.queues.forEach((raw, index) => {
    const parsed = v.safeParse(QueueSchema, raw);
    if (parsed.success) queues.push(parsed.output);
    else errors.push(...issueErrors(parsed.issues, index, 'form'));
  });
  const reminder = v.safeParse(ReminderSchema, outer.output.reminder ?? {});
  if (!reminder.success) errors.push({ queue: null, field: 'reminder', code: reminder.issues[0].message as QueueErrorCode });
  if (errors.length > 0) return { ok: false, errors };
  errors.push(...crossChecks(queues));
  if (errors.length > 0 || !reminder.success) return { ok: false, errors };
  return { ok: true, value: { queues, reminder: reminder.output } };
}

/**
 * Reads a file an administrator prepared: `{ "queues": [...], "reminder": {...} }` or a bare list of
 * queues. A file without a reminder keeps the agent's own.
 */
export function importQueueSettings(text: string, current: QueueSettings): ParsedQueueSettings {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { ok: false, errors: [{ queue: null, field: 'form', code: 'not_json' }] };
  }
  if (Array.isArray(json)) json = { queues: json };
  if (typeof json !== 'object' || json === null) return { ok: false, errors: [{ queue: null, field: 'form', code: 'malformed' }] };
  const withReminder = 'reminder' in json ? json : { ...json, reminder: current.reminder };
  return parseQueueSettings(withReminder);
}

export function exportQueueSettings(settings: QueueSettings): string {
  return `${JSON.stringify(settings, null, 2)}\n`;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const STORED_FALLBACK = { agent: emptyQueue.agent, callerNamePrefix: emptyQueue.callerNamePrefix };

/**
 * One stored queue: a damaged agent kind or caller name prefix takes its default; a queue whose
 * name, number or codes are damaged cannot be dialled and is left out (null).
 */
function storedQueue(raw: unknown): QueueDefinition | null {
  if (!isRecord(raw)) return null;
  const { agent, callerNamePrefix, ...identity } = QueueSchema.entries;
  const named = v.safeParse(v.object(identity), raw);
  if (!named.success) return null;
  return { ...named.output, ...perField({ agent, callerNamePrefix }, STORED_FALLBACK, raw) };
}

/**
 * Stored settings, read leniently: a damaged field costs that field (or the one queue it makes
 * undiallable, or a queue that repeats an earlier one's name or number), never the whole list.
 */
export function storedQueueSettings(input: unknown): QueueSettings {
  if (!isRecord(input)) return emptyQueueSettings;
  const queues: QueueDefinition[] = [];
  for (const queue of perItem(input.queues, storedQueue).slice(0, MAX_QUEUES)) {
    if (crossChecks([...queues, queue]).length === 0) queues.push(queue);
  }
  return { queues, reminder: perField(ReminderSchema.entries, DEFAULT_REMINDER, input.reminder) };
}
