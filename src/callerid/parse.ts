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
