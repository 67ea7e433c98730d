import * as v from 'valibot';
import type { AfterCallErrorCode } from '../aftercall/settings';
import type { CallerIdIssue } from '../callerid/issues';
import type { ColleagueSettingsError } from '../colleagues/settings';
import type { CrmTemplateProblem } from '../contacts/crmLookup';
import type { ScreenPopSettingsError } from '../contacts/screenPop';
import type { QueueSettingsError } from '../queues/settings';
import type { AccountErrorCode, PreferenceErrorCode } from '../settings';
import type { ContactsFileError } from '../settings/contactsSection';

/**
 * The settings an administrator's policy may set, each named after the storage key whose value it
 * overlays (src/storage/keys.ts), but for `crmLookup`, whose `urlTemplate` is laid over the plain
 * string stored under `crmLookupUrl` (src/storage/settingsStore.ts); `cardDavSources` is not laid over but kept in line with the
 * policy's list by the service worker (src/background/cardDavPolicy.ts). Kept apart from the checks (src/policy/apply.ts, which needs the
 * caller ID parser and its phone number tables) so the popup can read the outcome cheaply.
 */
export const POLICY_SECTIONS = [
  'account',
  'callerId',
  'queueSettings',
  'clickToCall',
  'preferences',
  'afterCallSettings',
  'colleagueSettings',
  'screenPopSettings',
  'cardDavSources',
  'crmLookup',
] as const;
export type PolicySection = (typeof POLICY_SECTIONS)[number];

/** Why a policy value was ignored: the same codes the settings form gives, worded by the views. */
export type PolicyReason =
  | { code: 'account'; error: AccountErrorCode }
  | { code: 'caller_id'; issue: CallerIdIssue }
  | { code: 'queues'; error: QueueSettingsError }
  | { code: 'preferences'; error: PreferenceErrorCode }
  | { code: 'click_to_call' }
  | { code: 'after_call'; error: AfterCallErrorCode }
  | { code: 'colleagues'; error: ColleagueSettingsError }
  | { code: 'screen_pop'; error: ScreenPopSettingsError }
  | { code: 'carddav'; error: ContactsFileError }
  | { code: 'crm_lookup'; problem: CrmTemplateProblem }
  | { code: 'unknown_setting' };

export interface IgnoredPolicyValue {
  /** The policy's own name of the value, as the administrator wrote it. */
  key: string;
  reason: PolicyReason;
}

/** What the administrator's policy does: the values applied over the agent's own, and those ignored. */
export interface PolicyState {
  /** Whether the browser holds any policy for the extension at all. */
  managed: boolean;
  /** Per section, the settings fields the policy sets, checked and normalised. */
  applied: Partial<Record<PolicySection, Record<string, unknown>>>;
  ignored: IgnoredPolicyValue[];
}

export const unmanaged: PolicyState = { managed: false, applied: {}, ignored: [] };

const StoredState = v.object({
  managed: v.boolean(),
  applied: v.record(v.picklist(POLICY_SECTIONS), v.record(v.string(), v.unknown())),
  ignored: v.array(v.object({ key: v.string(), reason: v.looseObject({ code: v.string() }) })),
});

/** What is stored (written by the service worker only), read leniently: damaged reads as no policy. */
export function storedPolicyState(input: unknown): PolicyState {
  const parsed = v.safeParse(StoredState, input);
  return parsed.success ? (parsed.output as PolicyState) : unmanaged;
}

/** The section's fields set by the policy: locked in the settings page, kept out of imports. */
export function lockedFields(state: PolicyState, section: PolicySection): ReadonlySet<string> {
  return new Set(Object.keys(state.applied[section] ?? {}));
}

/** The agent's own value of a section with the policy's fields over it: policy wins where it speaks. */
export function withPolicy<T extends object>(section: PolicySection, own: T, state: PolicyState): T;
export function withPolicy<T extends object>(section: PolicySection, own: T | null, state: PolicyState): T | null;
export function withPolicy<T extends object>(section: PolicySection, own: T | null, state: PolicyState): T | null {
  const applied = state.applied[section];
  if (applied === undefined || Object.keys(applied).length === 0) return own;
  return { ...(own ?? {}), ...applied } as T;
}

/**
 * What to store as the agent's own when they save `next` (checked with the policy's fields in it):
 * the fields the policy sets keep the agent's earlier value, so lifting the policy gives the
 * agent back exactly their own settings.
 */
export function ownPart<T extends object>(section: PolicySection, next: T, ownBefore: object | null, state: PolicyState): T {
  const result = { ...next } as Record<string, unknown>;
  const before = (ownBefore ?? {}) as Record<string, unknown>;
  for (const field of lockedFields(state, section)) {
    if (before[field] === undefined) delete result[field];
    else result[field] = before[field];
  }
  return result as T;
}

/** The CRM lookup URL template in use: the policy's where it sets one, else the agent's own (stored as a plain string). */
export function crmLookupUnderPolicy(own: string, state: PolicyState): string {
  const applied = state.applied.crmLookup?.urlTemplate;
  return typeof applied === 'string' ? applied : own;
}
