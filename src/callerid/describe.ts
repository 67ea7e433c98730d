import { normalizeRulePrefix } from './numbers';
import type { CallerIdConfig, CallerIdResult } from './types';

/** A short reason for the UI: "rule 2: 0044", "your outgoing number", "company default"... */
export function describeCallerIdSource(result: CallerIdResult, config?: Pick<CallerIdConfig, 'advancedRules'> | null): string {
  switch (result.kind) {
    case 'invalid':
      return result.error;
    case 'internal':
      return 'internal call';
    case 'external':
      if (result.source === 'user') return 'your outgoing number';
      if (result.source === 'default') return 'company default';
      return describeRule(result.ruleIndex ?? -1, config);
  }
}

function describeRule(index: number, config: Pick<CallerIdConfig, 'advancedRules'> | null | undefined): string {
  if (index < 0) return 'advanced rule';
  const rules: unknown = config?.advancedRules;
  const rule: unknown = Array.isArray(rules) ? rules[index] : undefined;
  const prefix = typeof rule === 'object' && rule !== null ? (rule as { prefix?: unknown }).prefix : undefined;
  return typeof prefix === 'string' ? `rule ${index + 1}: ${normalizeRulePrefix(prefix)}` : `rule ${index + 1}`;
}
