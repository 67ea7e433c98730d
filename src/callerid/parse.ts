import * as v from 'valibot';
import type { CallerIdIssue, ExpectedType, SettingPlace } from './issues';
import { homeCountryCode, normalizeNumber, normalizeRulePrefix } from './numbers';
import type { CallerIdConfig } from './types';
import { validateCallerIdConfig } from './validate';

export type ParsedCallerIdConfig = { ok: true; config: CallerIdConfig; warnings: CallerIdIssue[] } | { ok: false; errors: CallerIdIssue[] };

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

function where(path: readonly { key: unknown }[] | undefined): SettingPlace {
  const keys = (path ?? []).map((item) => item.key);
  const [field, index, sub] = keys;
  if (field === 'advancedRules' && typeof index === 'number') return { rule: index + 1, key: sub === undefined ? null : String(sub) };
  if (field === 'incomingNumbers' && typeof index === 'number') return { incoming: index + 1 };
  return { setting: keys.length > 0 ? keys.map(String).join('.') : null };
}

const EXPECTED: Record<string, ExpectedType> = { string: 'text', boolean: 'boolean', Array: 'list', Object: 'object' };

function explain(issue: v.BaseIssue<unknown>): CallerIdIssue {
  const at = where(issue.path);
  if (issue.expected === 'never') return { code: 'field_unknown', at };
  if (issue.received === 'undefined') return { code: 'field_missing', at };
  return { code: 'field_wrong_type', at, expected: EXPECTED[issue.expected ?? ''] ?? 'other' };
}

/** Reads imported caller ID settings (an object or its JSON text) into a normalised config. Never throws. */
export function parseCallerIdConfig(input: unknown): ParsedCallerIdConfig {
  try {
    let data = input;
    if (typeof input === 'string') {
      try {
        data = JSON.parse(input) as unknown;
      } catch {
        return { ok: false, errors: [{ code: 'not_json' }] };
      }
    }
    if (typeof data !== 'object' || data === null || Array.isArray(data)) return { ok: false, errors: [{ code: 'not_an_object' }] };
    const shape = v.safeParse(ConfigShape, data);
    if (!shape.success) return { ok: false, errors: shape.issues.map(explain) };

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
    return { ok: false, errors: [{ code: 'unreadable' }] };
  }
}
