import * as v from 'valibot';
import { perField } from '../settings/perField';

/** After-call work as the administrator sets it (Settings → After the call, and the settings file). */
export interface AfterCallSettings {
  /** The tags one click puts on a call ("Sale", "Call back", ...), in order. */
  dispositions: string[];
  /** A queue call must be tagged before the agent is ready again. */
  dispositionRequired: boolean;
  /** Seconds of wrap-up after a call; 0: none. */
  wrapUpSeconds: number;
  /** Which calls are followed by wrap-up. */
  wrapUpAfter: 'queue' | 'all';
  /** Where each finished call's record is POSTed; '' sends nothing. */
  webhookUrl: string;
}

export const defaultAfterCallSettings: AfterCallSettings = {
  dispositions: [],
  dispositionRequired: false,
  wrapUpSeconds: 0,
  wrapUpAfter: 'queue',
  webhookUrl: '',
};

export const DISPOSITIONS_MAX = 20;
export const DISPOSITION_MAX_LENGTH = 40;
export const WRAP_UP_MAX_SECONDS = 600;

export type AfterCallErrorCode =
  | 'disposition_empty'
  | 'disposition_too_long'
  | 'disposition_duplicate'
  | 'too_many_dispositions'
  | 'wrap_up_range'
  | 'webhook_invalid'
  | 'webhook_not_https'
  | 'webhook_credentials';

/**
 * Why a webhook URL is refused, or null when it may be used ('' turns delivery off). Records carry
 * what callers said and what agents wrote: they travel over https only, loopback aside (a receiver
 * on the agent's own machine, such as a local n8n, never leaves it).
 */
export function webhookUrlProblem(input: string): AfterCallErrorCode | null {
  const text = input.trim();
  if (text === '') return null;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return 'webhook_invalid';
  }
  if (url.username !== '' || url.password !== '') return 'webhook_credentials';
  if (url.protocol === 'https:') return url.hostname === '' ? 'webhook_invalid' : null;
  if (url.protocol === 'http:' && isLoopback(url.hostname)) return null;
  return url.protocol === 'http:' ? 'webhook_not_https' : 'webhook_invalid';
}

function isLoopback(hostname: string): boolean {
  return hostname === 'localhost' || hostname === '[::1]' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(hostname);
}

/** The host permission pattern for the webhook's origin (match patterns carry no port). */
export function webhookOriginPattern(webhookUrl: string): string | null {
  if (webhookUrl.trim() === '' || webhookUrlProblem(webhookUrl) !== null) return null;
  const url = new URL(webhookUrl.trim());
  return `${url.protocol}//${url.hostname}/*`;
}

export type ParsedAfterCallSettings = { ok: true; value: AfterCallSettings } | { ok: false; errors: AfterCallErrorCode[] };

/** Checks settings typed or imported: every problem is named, nothing is guessed. */
export function parseAfterCallSettings(input: unknown): ParsedAfterCallSettings {
  const record = typeof input === 'object' && input !== null ? (input as Record<string, unknown>) : {};
  const errors: AfterCallErrorCode[] = [];
  const rawList = Array.isArray(record.dispositions) ? record.dispositions : [];
  const dispositions = rawList.map((d) => (typeof d === 'string' ? d.trim() : ''));
  if (dispositions.some((d) => d === '')) errors.push('disposition_empty');
  if (dispositions.some((d) => d.length > DISPOSITION_MAX_LENGTH)) errors.push('disposition_too_long');
  if (new Set(dispositions.map((d) => d.toLowerCase())).size !== dispositions.length) errors.push('disposition_duplicate');
  if (dispositions.length > DISPOSITIONS_MAX) errors.push('too_many_dispositions');
  const seconds = record.wrapUpSeconds ?? 0;
  if (typeof seconds !== 'number' || !Number.isInteger(seconds) || seconds < 0 || seconds > WRAP_UP_MAX_SECONDS) errors.push('wrap_up_range');
  const webhookUrl = typeof record.webhookUrl === 'string' ? record.webhookUrl.trim() : '';
  const webhook = webhookUrlProblem(webhookUrl);
  if (webhook) errors.push(webhook);
  if (errors.length > 0) return { ok: false, errors };
  return {
    ok: true,
    value: {
      dispositions,
      dispositionRequired: record.dispositionRequired === true,
      wrapUpSeconds: seconds as number,
      wrapUpAfter: record.wrapUpAfter === 'all' ? 'all' : 'queue',
      webhookUrl,
    },
  };
}

const fields = {
  dispositions: v.pipe(v.array(v.pipe(v.string(), v.minLength(1), v.maxLength(DISPOSITION_MAX_LENGTH))), v.maxLength(DISPOSITIONS_MAX)),
  dispositionRequired: v.boolean(),
  wrapUpSeconds: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(WRAP_UP_MAX_SECONDS)),
  wrapUpAfter: v.picklist(['queue', 'all']),
  webhookUrl: v.pipe(
    v.string(),
    v.check((url) => webhookUrlProblem(url) === null),
  ),
};

/** What is stored, read field by field: a damaged field takes its default. */
export function storedAfterCallSettings(input: unknown): AfterCallSettings {
  return perField(fields, defaultAfterCallSettings, input);
}
