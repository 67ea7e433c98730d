import * as v from 'valibot';
import { homeCountryCode, normalizeNumber, normalizeRulePrefix } from './numbers';
import type { CallerIdConfig } from './types';
import { validateCallerIdConfig } from './validate';

export type ParsedCallerIdConfig = { ok: true; config: CallerIdConfig; warnings: string[] } | { ok: false; errors: string[] };

// Fields left out take the PBX console's own defaults: a new user is on Default, there are
// no advanced rules and the "apply to all users" box is unchecked.
const ConfigShape = v.strictObject({
  defaultOutgoingNumber: v.string(),
  incomingNumbers: v.array(v.string()),
  userOutgoingNumber: v.optional(v.string(), 'default'),
  advancedRules: v.optional(v.array(v.strictObject({ prefix: v.string(), number: v.string() })), []),
  applyRulesToAllUsers: v.optional(v.boolean(), false),
  homeCountry: v.string(),
});

function where(path: readonly { key: unknown }[] | undefined): string {
  const keys = (path ?? []).map((item) => item.key);
  const [field, index, sub] = keys;
  if (field === 'advancedRules' && typeof index === 'number') return `rule ${index + 1}${sub === undefined ? '' : ` ${String(sub)}`}`;
  if (field === 'incomingNumbers' && typeof index === 'number') return `incoming number ${index + 1}`;
  return keys.length > 0 ? keys.map(String).join('.') : 'settings';
}

const EXPECTED: Record<string, string> = { string: 'text', boolean: 'true or false', Array: 'a list', Object: 'an object' };

function explain(issue: v.BaseIssue<unknown>): string {
  if (issue.expected === 'never') return 'is not a known setting';
  if (issue.received === 'undefined') return 'is missing';
  return `must be ${EXPECTED[issue.expected ?? ''] ?? issue.expected ?? 'something else'}`;
}

/** Reads imported caller ID settings (an object or its JSON text) into a normalised config. Never throws. */
export function parseCallerIdConfig(input: unknown): ParsedCallerIdConfig {
  try {
    let data = input;
    if (typeof input === 'string') {
      try {
        data = JSON.parse(input) as unknown;
      } catch {
        return { ok: false, errors: ['the caller ID settings are not valid JSON'] };
      }
    }
    if (Array.isArray(data)) return { ok: false, errors: ['settings must be an object'] };
    const shape = v.safeParse(ConfigShape, data);
    if (!shape.success) return { ok: false, errors: shape.issues.map((issue) => `${where(issue.path)} ${explain(issue)}`) };

    const raw = shape.output;
    const home = homeCountryCode(raw.homeCountry);
    const number = (text: string): string => normalizeNumber(text, home) ?? text.trim();
    const user = raw.userOutgoingNumber.trim();
    const config: CallerIdConfig = {
      defaultOutgoingNumber: number(raw.defaultOutgoingNumber),
      incomingNumbers: raw.incomingNumbers.map(number),
      userOutgoingNumber: user.toLowerCase() === 'default' ? 'default' : number(user),
      advancedRules: raw.advancedRules.map((rule) => ({ prefix: normalizeRulePrefix(rule.prefix), number: number(rule.number) })),
      applyRulesToAllUsers: raw.applyRulesToAllUsers,
      homeCountry: home ?? raw.homeCountry,
    };
    const { errors, warnings } = validateCallerIdConfig(config);
    return errors.length > 0 ? { ok: false, errors } : { ok: true, config, warnings };
  } catch {
    return { ok: false, errors: ['the caller ID settings could not be read'] };
  }
}

const draftFields = {
  defaultOutgoingNumber: v.string(),
  incomingNumbers: v.pipe(
    v.array(v.unknown()),
    v.transform((numbers) => numbers.filter((n): n is string => typeof n === 'string')),
  ),
  userOutgoingNumber: v.string(),
  advancedRules: v.pipe(
    v.array(v.unknown()),
    v.transform((rules) =>
      rules
        .filter((rule): rule is { prefix: string; number: string } => v.is(v.object({ prefix: v.string(), number: v.string() }), rule))
        .map(({ prefix, number }) => ({ prefix, number })),
    ),
  ),
  applyRulesToAllUsers: v.boolean(),
  homeCountry: v.string(),
};

/**
 * Stored caller ID settings as they are, field by field, checked for type only: a damaged field
 * is left out (a damaged number or rule in a list too), the others are kept. Null when nothing
 * usable is stored. The settings form shows this; parseCallerIdConfig says whether it is usable.
 */
export function callerIdDraftOf(input: unknown): Partial<CallerIdConfig> | null {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) return null;
  const record = input as Record<string, unknown>;
  const draft: Partial<CallerIdConfig> = {};
  for (const name of Object.keys(draftFields) as (keyof typeof draftFields)[]) {
    const parsed = v.safeParse(draftFields[name], record[name]);
    if (parsed.success) Object.assign(draft, { [name]: parsed.output });
  }
  return draft;
}
