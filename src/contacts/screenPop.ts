import * as v from 'valibot';
import type { CallSnapshot } from '../calls/snapshot';
import { checkRecordTemplate, MAX_RECORD_TEMPLATE, type RecordTemplateProblem } from './recordTemplate';

export const SCREEN_POP_MODES = ['off', 'answer', 'ring'] as const;
export type ScreenPopMode = (typeof SCREEN_POP_MODES)[number];

/** When the caller's record opens by itself, and where it is when the CRM lookup gives none. */
export interface ScreenPopSettings {
  mode: ScreenPopMode;
  /** The "open the caller's record" URL template, '' when none. */
  recordUrlTemplate: string;
  /** Whether the template opens for callers no contact source knows (only the number filled in). */
  unknownCallers: boolean;
}

export const defaultScreenPopSettings: ScreenPopSettings = { mode: 'off', recordUrlTemplate: '', unknownCallers: false };

const templateSchema = v.pipe(v.string(), v.maxLength(MAX_RECORD_TEMPLATE));

/** Stored settings, field by field: a damaged field falls back to its default, not the others. */
export function storedScreenPopSettings(stored: unknown): ScreenPopSettings {
  const input = typeof stored === 'object' && stored !== null ? (stored as Record<string, unknown>) : {};
  const field = <T>(schema: v.GenericSchema<unknown, T>, value: unknown, fallback: T): T => {
    const parsed = v.safeParse(schema, value);
    return parsed.success ? parsed.output : fallback;
  };
  return {
    mode: field(v.picklist(SCREEN_POP_MODES), input.mode, 'off'),
    recordUrlTemplate: field(templateSchema, input.recordUrlTemplate, ''),
    unknownCallers: field(v.boolean(), input.unknownCallers, false),
  };
}

export type ScreenPopSettingsError = { field: 'mode' } | { field: 'recordUrlTemplate'; problem: RecordTemplateProblem } | { field: 'unknownCallers' };

/** Settings from the form, a file or a policy: all valid or none taken. A template is kept trimmed; '' means none. */
export function parseScreenPopSettings(input: unknown): { ok: true; value: ScreenPopSettings } | { ok: false; errors: ScreenPopSettingsError[] } {
  const data = typeof input === 'object' && input !== null ? (input as Record<string, unknown>) : {};
  const errors: ScreenPopSettingsError[] = [];
  const mode = data.mode ?? 'off';
  if (!v.is(v.picklist(SCREEN_POP_MODES), mode)) errors.push({ field: 'mode' });
  const template = data.recordUrlTemplate ?? '';
  if (!v.is(templateSchema, template)) errors.push({ field: 'recordUrlTemplate', problem: 'not_a_url' });
  else if (template.trim() !== '') {
    const checked = checkRecordTemplate(template.trim());
    if (!checked.ok) errors.push({ field: 'recordUrlTemplate', problem: checked.problem });
  }
  const unknownCallers = data.unknownCallers ?? false;
  if (typeof unknownCallers !== 'boolean') errors.push({ field: 'unknownCallers' });
  if (errors.length > 0) return { ok: false, errors };
  return { ok: true, value: { mode: mode as ScreenPopMode, recordUrlTemplate: (template as string).trim(), unknownCallers: unknownCallers as boolean } };
}

/**
 * How long an unknown caller's record waits for the CRM lookup (ms; 0: no longer): while the
 * lookup may still name the caller, and give its own record, the template is not opened for them.
 */
export function crmWaitLeft(call: CallSnapshot, crmLookupConfigured: boolean, lookupTimeoutMs: number, now: number): number {
  if (!crmLookupConfigured || call.contact) return 0;
  return Math.max(0, call.startedAt + lookupTimeoutMs - now);
}

/**
 * The records to open now: each incoming call with a record URL that rings (on ring) or has been
 * answered (on answer), and whose record was not opened yet.
 */
export function recordsToOpen(
  calls: readonly CallSnapshot[],
  mode: ScreenPopMode,
  opened: ReadonlySet<string>,
  urlOf: (call: CallSnapshot) => string | null = (call) => call.contact?.recordUrl ?? null,
): { callId: string; url: string }[] {
  if (mode === 'off') return [];
  return calls.flatMap((call) => {
    if (call.direction !== 'incoming' || opened.has(call.id)) return [];
    const due = mode === 'ring' ? call.state === 'incoming' || call.answeredAt !== null : call.answeredAt !== null;
    const url = due ? urlOf(call) : null;
    return url ? [{ callId: call.id, url }] : [];
  });
}
