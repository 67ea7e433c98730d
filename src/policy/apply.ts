import type { CallerIdIssue } from '../callerid/issues';
import { parseCallerIdConfig } from '../callerid/parse';
import type { CallerIdConfig } from '../callerid/types';
import { policyFields } from './fields';
import type { IgnoredPolicyValue, PolicySection, PolicyState } from './state';

/** The PBX console's defaults, for caller ID fields neither the policy nor the agent set. */
const CALLER_ID_DEFAULTS: CallerIdConfig = {
  defaultOutgoingNumber: '',
  incomingNumbers: [],
  userOutgoingNumber: 'default',
  advancedRules: [],
  applyRulesToAllUsers: false,
  homeCountry: '',
};

/** Caller ID fields in the order they depend on each other: numbers are read in the home country. */
const CALLER_ID_ORDER: (keyof CallerIdConfig)[] = [
  'homeCountry',
  'incomingNumbers',
  'defaultOutgoingNumber',
  'userOutgoingNumber',
  'advancedRules',
  'applyRulesToAllUsers',
];

/** Which caller ID field an issue is about. */
export function callerIdIssueField(issue: CallerIdIssue): keyof CallerIdConfig | null {
  if (issue.code === 'field_unknown' || issue.code === 'field_missing' || issue.code === 'field_wrong_type') {
    if ('rule' in issue.at) return 'advancedRules';
    if ('incoming' in issue.at) return 'incomingNumbers';
    const name = issue.at.setting?.split('.')[0];
    return CALLER_ID_ORDER.find((field) => field === name) ?? null;
  }
  if (issue.code.startsWith('home_country')) return 'homeCountry';
  if (issue.code.startsWith('incoming')) return 'incomingNumbers';
  if (issue.code.startsWith('default')) return 'defaultOutgoingNumber';
  if (issue.code.startsWith('user')) return 'userOutgoingNumber';
  if (issue.code.startsWith('rule')) return 'advancedRules';
  if (issue.code === 'apply_to_all_not_boolean') return 'applyRulesToAllUsers';
  return null;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * The caller ID fields the policy sets, checked as the settings form checks them: together with
 * the agent's own fields they leave out. A field the check faults is ignored, the earliest in
 * dependency order first (a wrong home country makes every national number look wrong), and the
 * rest checked again; faults in the agent's own fields do not count against the policy.
 */
function checkCallerId(set: Record<string, unknown>, own: Partial<CallerIdConfig> | null, ignored: IgnoredPolicyValue[]): Record<string, unknown> {
  const kept = { ...set };
  const keyOf = (setting: string): string => policyFields.find((f) => f.section === 'callerId' && f.setting === setting)?.key ?? setting;
  for (let round = 0; round < CALLER_ID_ORDER.length; round++) {
    const parsed = parseCallerIdConfig({ ...CALLER_ID_DEFAULTS, ...(own ?? {}), ...kept });
    if (parsed.ok) {
      for (const setting of Object.keys(kept)) kept[setting] = parsed.config[setting as keyof CallerIdConfig];
      return kept;
    }
    const faulted = CALLER_ID_ORDER.find((field) => field in kept && parsed.errors.some((issue) => callerIdIssueField(issue) === field));
    if (faulted === undefined) return kept;
    const issue = parsed.errors.find((i) => callerIdIssueField(i) === faulted)!;
    ignored.push({ key: keyOf(faulted), reason: { code: 'caller_id', issue } });
    delete kept[faulted];
  }
  return kept;
}

/**
 * What a policy (storage.managed as read: any JSON) does to the settings: each value is checked
 * on its own with the settings form's check and applied or ignored with its reason; one bad value
 * never costs another. Needs the agent's own caller ID settings, which the policy's caller ID
 * fields complete. Never throws.
 */
export function applyPolicy(policy: unknown, ownCallerId: Partial<CallerIdConfig> | null): PolicyState {
  if (!isRecord(policy)) return { managed: false, applied: {}, ignored: [] };
  const applied: Partial<Record<PolicySection, Record<string, unknown>>> = {};
  const ignored: IgnoredPolicyValue[] = [];
  for (const key of Object.keys(policy)) {
    const value = policy[key];
    if (value === undefined || value === null) continue;
    const field = policyFields.find((f) => f.key === key);
    if (field === undefined) {
      ignored.push({ key, reason: { code: 'unknown_setting' } });
      continue;
    }
    const checked = field.check(value);
    if (!checked.ok) {
      ignored.push({ key, reason: checked.reason });
      continue;
    }
    const section = applied[field.section] ?? {};
    section[field.setting] = checked.value;
    applied[field.section] = section;
  }
  if (applied.callerId) applied.callerId = checkCallerId(applied.callerId, ownCallerId, ignored);
  for (const section of Object.keys(applied) as PolicySection[]) if (Object.keys(applied[section] ?? {}).length === 0) delete applied[section];
  ignored.sort((a, b) => a.key.localeCompare(b.key));
  return { managed: Object.keys(policy).length > 0, applied, ignored };
}
