import type { CountryCode } from 'libphonenumber-js/min';
import { classifyDialString } from '../numbers/dialString';
import { homeCountryCode, nationalToE164, normalizeNumber, normalizeRulePrefix } from './numbers';
import { PrefixTrie } from './prefixTrie';
import type { CallerIdConfig, CallerIdProblem, CallerIdResult } from './types';

/** A configuration compiled once, to resolve many dial strings (one per keystroke). */
export interface CompiledCallerId {
  readonly config: CallerIdConfig;
  resolve(dialed: string): CallerIdResult;
}

interface Snapshot {
  home: CountryCode | null;
  defaultNumber: string | null;
  onDefault: boolean;
  /** The user's own number in E.164; null when on Default or unreadable. */
  userNumber: string | null;
  rulesApply: boolean;
  ruleNumbers: (string | null)[];
  trie: PrefixTrie;
}

function invalid(error: CallerIdProblem): CallerIdResult {
  return { kind: 'invalid', callerId: null, error };
}

function asString(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

// Settings may come from storage or an old version: read defensively rather than trust the type.
function snapshot(config: CallerIdConfig): Snapshot {
  const home = homeCountryCode(config.homeCountry);
  const user = asString(config.userOutgoingNumber).trim();
  const onDefault = user === '' || user.toLowerCase() === 'default';
  const rules: unknown[] = Array.isArray(config.advancedRules) ? config.advancedRules : [];
  const prefixes: (string | null)[] = [];
  const ruleNumbers: (string | null)[] = [];
  // Thousands of rules share a handful of numbers: read each distinct one once.
  const read = new Map<string, string | null>();
  for (const rule of rules) {
    const { prefix, number } = (typeof rule === 'object' && rule !== null ? rule : {}) as Record<string, unknown>;
    prefixes.push(typeof prefix === 'string' ? normalizeRulePrefix(prefix) : null);
    const text = asString(number);
    let e164 = read.get(text);
    if (e164 === undefined) {
      e164 = normalizeNumber(text, home);
      read.set(text, e164);
    }
    ruleNumbers.push(e164);
  }
  return {
    home,
    defaultNumber: normalizeNumber(asString(config.defaultOutgoingNumber), home),
    onDefault,
    userNumber: onDefault ? null : normalizeNumber(user, home),
    rulesApply: onDefault || config.applyRulesToAllUsers === true,
    ruleNumbers,
    trie: PrefixTrie.build(prefixes),
  };
}

function destinationOf(dialed: string, home: CountryCode | null): CallerIdResult | string {
  const dial = classifyDialString(dialed);
  switch (dial.kind) {
    case 'invalid':
      return invalid(dial.error);
    case 'internal':
      return { kind: 'internal', callerId: null, destination: dial.destination };
    case 'international':
      return dial.digits;
    case 'national': {
      if (home === null) return invalid({ code: 'no_home_country' });
      const e164 = nationalToE164(dial.digits, home);
      return e164 === null ? invalid({ code: 'incomplete_number', digits: dial.digits }) : `00${e164.slice(1)}`;
    }
  }
}

function choose(s: Snapshot, destination: string): CallerIdResult {
  if (s.rulesApply) {
    const ruleIndex = s.trie.match(destination);
    if (ruleIndex >= 0) {
      const callerId = s.ruleNumbers[ruleIndex] ?? null;
      if (callerId === null) return invalid({ code: 'rule_without_number', rule: ruleIndex + 1 });
      return { kind: 'external', callerId, source: 'rule', ruleIndex, destination };
    }
  }
  if (!s.onDefault) {
    // Not silently the company number: that would hide a broken user setting.
    if (s.userNumber === null) return invalid({ code: 'user_number_invalid' });
    return { kind: 'external', callerId: s.userNumber, source: 'user', destination };
  }
  if (s.defaultNumber === null) return invalid({ code: 'no_default_number' });
  return { kind: 'external', callerId: s.defaultNumber, source: 'default', destination };
}

/** Compiles the rules once (a digit trie) so each resolve costs O(length of the dial string). */
export function compileCallerIdConfig(config: CallerIdConfig): CompiledCallerId {
  let s: Snapshot | null = null;
  try {
    if (typeof config === 'object' && config !== null) s = snapshot(config);
  } catch {
    s = null; // e.g. a getter that throws: treat as missing settings
  }
  return {
    config,
    resolve(dialed: string): CallerIdResult {
      if (s === null) return invalid({ code: 'settings_missing' });
      const destination = destinationOf(dialed, s.home);
      return typeof destination === 'string' ? choose(s, destination) : destination;
    },
  };
}

// Keyed by the config object: a config is read once, so callers replace it rather than mutate it.
const compiledConfigs = new WeakMap<object, CompiledCallerId>();

/** Which number an outgoing call to `dialed` presents. Never throws. */
export function resolveCallerId(config: CallerIdConfig, dialed: string): CallerIdResult {
  if (typeof config !== 'object' || config === null) return invalid({ code: 'settings_missing' });
  let compiled = compiledConfigs.get(config);
  if (compiled === undefined) {
    compiled = compileCallerIdConfig(config);
    compiledConfigs.set(config, compiled);
  }
  return compiled.resolve(dialed);
}
