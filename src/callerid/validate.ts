import type { CountryCode } from 'libphonenumber-js/min';
import { homeCountryCode, isPossibleE164, normalizeNumber, normalizeRulePrefix } from './numbers';
import { PrefixTrie } from './prefixTrie';

export interface CallerIdConfigReport {
  errors: string[];
  warnings: string[];
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
    report.errors.push('incoming numbers must be a list of phone numbers');
    return known;
  }
  const firstSeen = new Map<string, number>();
  value.forEach((raw: unknown, i) => {
    const n = i + 1;
    if (typeof raw !== 'string') {
      report.errors.push(`incoming number ${n} must be a phone number written as text`);
      return;
    }
    const e164 = readNumber(raw, home);
    if (e164 === null) {
      report.errors.push(`incoming number ${n} (${raw}) is not a valid phone number`);
      return;
    }
    const first = firstSeen.get(e164);
    if (first !== undefined) report.warnings.push(`incoming number ${n} (${e164}) is listed twice: same as incoming number ${first}`);
    else firstSeen.set(e164, n);
    known.add(e164);
  });
  return known;
}

function checkRules(value: unknown, home: CountryCode | null, incoming: Set<string>, report: CallerIdConfigReport): void {
  if (!Array.isArray(value)) {
    report.errors.push('advanced rules must be a list');
    return;
  }
  const prefixes: (string | null)[] = value.map((rule: unknown, i) => {
    const n = i + 1;
    if (!isRecord(rule) || typeof rule.prefix !== 'string' || typeof rule.number !== 'string') {
      report.errors.push(`rule ${n} must have a destination prefix and a number`);
      return null;
    }
    const prefix = normalizeRulePrefix(rule.prefix);
    const digits = /^\d+$/.test(prefix);
    if (prefix === '') report.errors.push(`rule ${n} has an empty destination prefix`);
    else if (!digits) report.errors.push(`rule ${n} (${rule.prefix}): the destination prefix must be digits, e.g. 0044`);
    const number = readNumber(rule.number, home);
    if (number === null || !incoming.has(number)) {
      report.errors.push(`rule ${n}${digits ? ` (${prefix})` : ''}: ${rule.number} is not one of the incoming numbers`);
    }
    if (!digits) return null;
    if (!prefix.startsWith('00')) {
      report.warnings.push(`rule ${n} (${prefix}) can never apply: destinations are compared with the international access code, e.g. 0044`);
    }
    return prefix;
  });

  // The trie answers "lowest rule whose prefix starts this string": asked about a rule's own
  // prefix, anything lower than the rule itself shadows it.
  const trie = PrefixTrie.build(prefixes);
  prefixes.forEach((prefix, i) => {
    if (prefix === null) return;
    const first = trie.match(prefix);
    if (first !== i) report.warnings.push(`rule ${i + 1} (${prefix}) can never apply: rule ${first + 1} (${prefixes[first] ?? ''}) comes first`);
  });
}

function check(config: unknown, report: CallerIdConfigReport): void {
  if (!isRecord(config)) {
    report.errors.push('caller ID settings must be an object');
    return;
  }
  const home = homeCountryCode(config.homeCountry);
  if (typeof config.homeCountry !== 'string' || config.homeCountry.trim() === '') report.errors.push('home country is missing');
  else if (home === null) report.errors.push(`unknown home country ${config.homeCountry}`);

  const incoming = checkIncoming(config.incomingNumbers, home, report);

  const fallback = config.defaultOutgoingNumber;
  if (typeof fallback !== 'string' || fallback.trim() === '') {
    report.errors.push('default outgoing number is missing');
  } else {
    const e164 = readNumber(fallback, home);
    if (e164 === null) report.errors.push(`default outgoing number (${fallback}) is not a valid phone number`);
    else if (!incoming.has(e164)) report.warnings.push(`default outgoing number (${e164}) is not one of the incoming numbers`);
  }

  const user = config.userOutgoingNumber;
  if (typeof user !== 'string') {
    report.errors.push(`your outgoing number must be 'default' or one of the incoming numbers`);
  } else if (user.trim() === '') {
    report.errors.push(`your outgoing number is missing: use 'default' for the company default`);
  } else if (user.trim().toLowerCase() !== 'default') {
    const e164 = readNumber(user, home);
    if (e164 === null || !incoming.has(e164)) report.errors.push(`your outgoing number (${user}) is not one of the incoming numbers`);
  }

  checkRules(config.advancedRules, home, incoming, report);

  if (typeof config.applyRulesToAllUsers !== 'boolean') {
    report.errors.push('"apply advanced rules even for users with a default outgoing number configured" must be true or false');
  }
}

/** Errors make a configuration unusable; warnings point at settings that have no effect. Never throws. */
export function validateCallerIdConfig(config: unknown): CallerIdConfigReport {
  const report: CallerIdConfigReport = { errors: [], warnings: [] };
  try {
    check(config, report);
  } catch {
    report.errors.push('caller ID settings could not be read');
  }
  return report;
}
