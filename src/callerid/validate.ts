import type { CountryCode } from 'libphonenumber-js/min';
import type { CallerIdIssue } from './issues';
import { homeCountryCode, isPossibleE164, normalizeNumber, normalizeRulePrefix } from './numbers';
import { PrefixTrie } from './prefixTrie';

export interface CallerIdConfigReport {
  errors: CallerIdIssue[];
  warnings: CallerIdIssue[];
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** E.164 form of a number if it is a plausible phone number, else null. */
function readNumber(raw: string, home: CountryCode | null): string | null {
  const e164 = normalizeNumber(raw, home);
  return e164 !== null && isPossibleE164(e164) ? e164 : null;
}

function checkIncoming(value: unknown, home: CountryCode | null, report: CallerIdConfigReport): Set<string> {
  const known = new Set<string>();
  if (!Array.isArray(value)) {
    report.errors.push({ code: 'incoming_not_a_list' });
    return known;
  }
  const firstSeen = new Map<string, number>();
  value.forEach((raw: unknown, i) => {
    const n = i + 1;
    if (typeof raw !== 'string') {
      report.errors.push({ code: 'incoming_not_text', index: n });
      return;
    }
    const e164 = readNumber(raw, home);
    if (e164 === null) {
      report.errors.push({ code: 'incoming_invalid', index: n, raw });
      return;
    }
    const first = firstSeen.get(e164);
    if (first !== undefined) report.warnings.push({ code: 'incoming_duplicate', index: n, number: e164, first });
    else firstSeen.set(e164, n);
    known.add(e164);
  });
  return known;
}

function checkRules(value: unknown, home: CountryCode | null, incoming: Set<string>, report: CallerIdConfigReport): void {
  if (!Array.isArray(value)) {
    report.errors.push({ code: 'rules_not_a_list' });
    return;
  }
  const prefixes: (string | null)[] = value.map((rule: unknown, i) => {
    const n = i + 1;
    if (!isRecord(rule) || typeof rule.prefix !== 'string' || typeof rule.number !== 'string') {
      report.errors.push({ code: 'rule_incomplete', rule: n });
      return null;
    }
    const prefix = normalizeRulePrefix(rule.prefix);
    const digits = /^\d+$/.test(prefix);
    if (prefix === '') report.errors.push({ code: 'rule_prefix_empty', rule: n });
    else if (!digits) report.errors.push({ code: 'rule_prefix_not_digits', rule: n, prefix: rule.prefix });
    const number = readNumber(rule.number, home);
    if (number === null || !incoming.has(number)) {
      report.errors.push({ code: 'rule_number_not_incoming', rule: n, prefix: digits ? prefix : null, number: rule.number });
    }
    if (!digits) return null;
    if (!prefix.startsWith('00')) {
      report.warnings.push({ code: 'rule_without_access_code', rule: n, prefix });
    }
    return prefix;
  });

  // The trie answers "lowest rule whose prefix starts this string": asked about a rule's own
  // prefix, anything lower than the rule itself shadows it.
  const trie = PrefixTrie.build(prefixes);
  prefixes.forEach((prefix, i) => {
    if (prefix === null) return;
    const first = trie.match(prefix);
    if (first !== i) report.warnings.push({ code: 'rule_shadowed', rule: i + 1, prefix, by: first + 1, byPrefix: prefixes[first] ?? '' });
  });
}

function check(config: unknown, report: CallerIdConfigReport): void {
  if (!isRecord(config)) {
    report.errors.push({ code: 'not_an_object' });
    return;
  }
  const home = homeCountryCode(config.homeCountry);
  if (typeof config.homeCountry !== 'string' || config.homeCountry.trim() === '') report.errors.push({ code: 'home_country_missing' });
  else if (home === null) report.errors.push({ code: 'home_country_unknown', country: config.homeCountry });

  const incoming = checkIncoming(config.incomingNumbers, home, report);

  const fallback = config.defaultOutgoingNumber;
  if (typeof fallback !== 'string' || fallback.trim() === '') {
    report.errors.push({ code: 'default_missing' });
  } else {
    const e164 = readNumber(fallback, home);
    if (e164 === null) report.errors.push({ code: 'default_invalid', number: fallback });
    else if (!incoming.has(e164)) report.warnings.push({ code: 'default_not_incoming', number: e164 });
  }

  const user = config.userOutgoingNumber;
  if (typeof user !== 'string') {
    report.errors.push({ code: 'user_not_text' });
  } else if (user.trim() === '') {
    report.errors.push({ code: 'user_missing' });
  } else if (user.trim().toLowerCase() !== 'default') {
    const e164 = readNumber(user, home);
    if (e164 === null || !incoming.has(e164)) report.errors.push({ code: 'user_not_incoming', number: user });
  }

  checkRules(config.advancedRules, home, incoming, report);

  if (typeof config.applyRulesToAllUsers !== 'boolean') {
    report.errors.push({ code: 'apply_to_all_not_boolean' });
  }
}

/** Errors make a configuration unusable; warnings point at settings that have no effect. Never throws. */
export function validateCallerIdConfig(config: unknown): CallerIdConfigReport {
  const report: CallerIdConfigReport = { errors: [], warnings: [] };
  try {
    check(config, report);
  } catch {
    report.errors.push({ code: 'unreadable' });
  }
  return report;
}
