import { type AfterCallErrorCode, type AfterCallSettings, parseAfterCallSettings } from '../aftercall/settings';
import { type CallerIdConfig, parseCallerIdConfig } from '../callerid';
import type { CallerIdIssue } from '../callerid/issues';
import { type ColleagueSettings, type ColleagueSettingsError, parseColleagueSettings } from '../colleagues/settings';
import type { CardDavError } from '../contacts/carddav/errors';
import { sameCardDavAccount } from '../contacts/carddav/sources';
import { lockedFields, type PolicySection, type PolicyState, withPolicy } from '../policy/state';
import { parseQueueSettings, type QueueSettings, type QueueSettingsError } from '../queues/settings';
import { type AccountSettings, type FieldError, parseAccountSettings } from './account';
import { type ContactsFileError, type ContactsFileSettings, type FileCardDavSource, fileSourceText, parseContactsSection } from './contactsSection';

export const CONFIGURATION_FILE_VERSION = 1;

/** What an administrator hands to every agent: each section optional. */
export interface ConfigurationFile {
  version: typeof CONFIGURATION_FILE_VERSION;
  callerId?: CallerIdConfig;
  account?: Omit<AccountSettings, 'password'> & { password?: string };
  queues?: QueueSettings;
  afterCall?: AfterCallSettings;
  colleagues?: ColleagueSettings;
  /** CardDAV address books (their passwords only when asked), the CRM lookup URL and the screen-pop. */
  contacts?: ContactsFileSettings;
  /**
   * The settings that came from the administrator's policy, as "section.field" (e.g.
   * "account.domain"): an import of the file leaves them to the policy.
   */
  managedByPolicy?: string[];
}

export interface ImportedConfiguration {
  callerId?: CallerIdConfig;
  account?: AccountSettings;
  queues?: QueueSettings;
  afterCall?: AfterCallSettings;
  colleagues?: ColleagueSettings;
  contacts?: ContactsFileSettings;
}

/** What is wrong with a settings file, or worth knowing about it: codes the views word. */
export type ConfigurationFileIssue =
  | { code: 'not_json' }
  | { code: 'not_an_object' }
  | { code: 'unknown_version'; version: string; expected: number }
  | { code: 'unknown_section'; section: string }
  | { code: 'no_settings' }
  | { code: 'caller_id'; issue: CallerIdIssue }
  | { code: 'account'; error: FieldError }
  | { code: 'account_without_password' }
  | { code: 'account_moved_without_password' }
  | { code: 'queues'; error: QueueSettingsError }
  | { code: 'managed_by_policy'; setting: string }
  | { code: 'after_call'; error: AfterCallErrorCode }
  | { code: 'colleagues'; error: ColleagueSettingsError }
  | { code: 'contacts'; error: ContactsFileError }
  /** Left out of an import: a new CardDAV address book the file gives no password for. */
  | { code: 'carddav_without_password'; source: string }
  /** Left out of an import: the agent did not grant access to the site. */
  | { code: 'contacts_no_permission'; origin: string }
  /** Left out of an import: the CardDAV server refused or could not be reached. */
  | { code: 'carddav_not_added'; source: string; error: CardDavError };

export type ParsedConfigurationFile =
  | { ok: true; value: ImportedConfiguration; warnings: ConfigurationFileIssue[] }
  | { ok: false; errors: ConfigurationFileIssue[] };

const SECTIONS = ['version', 'callerId', 'account', 'queues', 'afterCall', 'colleagues', 'contacts', 'managedByPolicy'];

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Whether two accounts register the same user of the same domain on the same server. */
export function sameAccountIdentity(
  a: Pick<AccountSettings, 'username' | 'domain' | 'websocketUrl'>,
  b: Pick<AccountSettings, 'username' | 'domain' | 'websocketUrl'>,
): boolean {
  return a.username === b.username && a.domain === b.domain && a.websocketUrl === b.websocketUrl;
}

/**
 * Reads a configuration file (object or JSON text). Every section is checked before anything is
 * accepted, so a file with one mistake changes nothing. Never throws.
 *
 * An account without a password keeps the stored one only when it is the same account: same user,
 * domain and server. Otherwise a file handed out as a "queue list" could move the agent's
 * registration, and with it the password's digest, to a server of the file's choosing.
 */
export function parseConfigurationFile(input: unknown, stored: AccountSettings | null): ParsedConfigurationFile {
  let data = input;
  if (typeof input === 'string') {
    try {
      data = JSON.parse(input);
    } catch {
      return { ok: false, errors: [{ code: 'not_json' }] };
    }
  }
  if (!isRecord(data)) return { ok: false, errors: [{ code: 'not_an_object' }] };
  const errors: ConfigurationFileIssue[] = [];
  const warnings: ConfigurationFileIssue[] = [];
  const value: ImportedConfiguration = {};
  if (data.version !== CONFIGURATION_FILE_VERSION)
    errors.push({ code: 'unknown_version', version: String(JSON.stringify(data.version)), expected: CONFIGURATION_FILE_VERSION });
  for (const key of Object.keys(data)) if (!SECTIONS.includes(key)) errors.push({ code: 'unknown_section', section: key });
  if (!['callerId', 'account', 'queues', 'afterCall', 'colleagues', 'contacts'].some((section) => section in data)) errors.push({ code: 'no_settings' });

  if ('callerId' in data) {
    const parsed = parseCallerIdConfig(data.callerId);
    if (parsed.ok) {
      value.callerId = parsed.config;
      warnings.push(...parsed.warnings.map((issue) => ({ code: 'caller_id' as const, issue })));
    } else errors.push(...parsed.errors.map((issue) => ({ code: 'caller_id' as const, issue })));
  }
  if ('account' in data) {
    const account = isRecord(data.account) ? data.account : {};
    const ownPassword = typeof account.password === 'string' && account.password !== '' ? account.password : null;
    // Checked with a stand-in password first: the identity is compared once normalised.
    const parsed = parseAccountSettings({ ...account, password: ownPassword ?? 'stand-in' });
    if (!parsed.ok) errors.push(...parsed.errors.map((error) => ({ code: 'account' as const, error })));
    else if (ownPassword !== null) value.account = parsed.value;
    else if (stored === null) errors.push({ code: 'account_without_password' });
    else if (!sameAccountIdentity(parsed.value, stored)) {
      errors.push({ code: 'account_moved_without_password' });
    } else value.account = { ...parsed.value, password: stored.password };
  }
  if ('queues' in data) {
    const parsed = parseQueueSettings(data.queues);
    if (parsed.ok) value.queues = parsed.value;
    else errors.push(...parsed.errors.map((error) => ({ code: 'queues' as const, error })));
  }
  if ('afterCall' in data) {
    const parsed = parseAfterCallSettings(data.afterCall);
    if (parsed.ok) value.afterCall = parsed.value;
    else errors.push(...parsed.errors.map((error) => ({ code: 'after_call' as const, error })));
  }
  if ('colleagues' in data) {
    const parsed = parseColleagueSettings(data.colleagues);
    if (parsed.ok) value.colleagues = parsed.value;
    else errors.push(...parsed.errors.map((error) => ({ code: 'colleagues' as const, error })));
  }
  if ('contacts' in data) {
    const parsed = parseContactsSection(data.contacts);
    if (parsed.ok) value.contacts = parsed.value;
    else errors.push(...parsed.errors.map((error) => ({ code: 'contacts' as const, error })));
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, value, warnings };
}

/** The file to export; the SIP password only when asked for. */
export function buildConfigurationFile(
  settings: {
    callerId: CallerIdConfig | null;
    account: AccountSettings | null;
    queues: QueueSettings | null;
    afterCall?: AfterCallSettings | null;
    colleagues?: ColleagueSettings | null;
    contacts?: ContactsFileSettings | null;
  },
  includePassword: boolean,
  managedByPolicy: string[] = [],
): ConfigurationFile {
  const file: ConfigurationFile = { version: CONFIGURATION_FILE_VERSION };
  if (managedByPolicy.length > 0) file.managedByPolicy = managedByPolicy;
  if (settings.callerId) file.callerId = settings.callerId;
  if (settings.account) {
    const { password, ...rest } = settings.account;
    file.account = includePassword ? { ...rest, password } : rest;
  }
  if (settings.queues) file.queues = settings.queues;
  if (settings.afterCall) file.afterCall = settings.afterCall;
  if (settings.colleagues) file.colleagues = settings.colleagues;
  if (settings.contacts) {
    const { cardDavSources, ...rest } = settings.contacts;
    file.contacts = {
      ...(cardDavSources
        ? { cardDavSources: cardDavSources.map(({ password, ...source }) => (includePassword && password ? { ...source, password } : source)) }
        : {}),
      ...rest,
    };
  }
  return file;
}

export type ImportSection = 'callerId' | 'account' | 'queues' | 'afterCall' | 'colleagues' | 'contacts';

/** The file's sections an administrator's policy can set (the after-call and colleagues sections are not in the policy's schema yet). */
const POLICY_SECTION = {
  account: 'account',
  callerId: 'callerId',
  queues: 'queueSettings',
  afterCall: 'afterCallSettings',
  colleagues: 'colleagueSettings',
} as const satisfies Partial<Record<keyof ImportedConfiguration, PolicySection>>;
const POLICY_FILE_SECTIONS = Object.keys(POLICY_SECTION) as (keyof typeof POLICY_SECTION)[];

/** The contacts section's fields the policy can set, and the screen-pop settings' field each is. */
const CONTACTS_POLICY_FIELD = { screenPop: 'mode', recordUrlTemplate: 'recordUrlTemplate', unknownCallers: 'unknownCallers' } as const;

/** "account.domain" for every setting of the file's sections the policy sets. */
export function managedSettings(policy: PolicyState): string[] {
  const screenPop = lockedFields(policy, 'screenPopSettings');
  return [
    ...POLICY_FILE_SECTIONS.flatMap((section) => [...lockedFields(policy, POLICY_SECTION[section])].map((field) => `${section}.${field}`)),
    ...Object.entries(CONTACTS_POLICY_FIELD).flatMap(([field, setting]) => (screenPop.has(setting) ? [`contacts.${field}`] : [])),
    ...(lockedFields(policy, 'crmLookup').has('urlTemplate') ? ['contacts.crmLookupUrl'] : []),
    // The policy's address books are listed with the agent's own in the export.
    ...(lockedFields(policy, 'cardDavSources').size > 0 ? ['contacts.cardDavSources'] : []),
  ];
}

/** The contacts section with the policy's screen-pop settings over the file's. */
function contactsUnderPolicy(contacts: ContactsFileSettings, policy: PolicyState, warnings: ConfigurationFileIssue[]): ContactsFileSettings {
  const applied = policy.applied.screenPopSettings ?? {};
  const next = { ...contacts } as Record<string, unknown>;
  for (const [field, setting] of Object.entries(CONTACTS_POLICY_FIELD)) {
    if (!(setting in applied)) continue;
    if (field in contacts && JSON.stringify(next[field]) !== JSON.stringify(applied[setting]))
      warnings.push({ code: 'managed_by_policy', setting: `contacts.${field}` });
    delete next[field];
  }
  const lookup = policy.applied.crmLookup?.urlTemplate;
  if (typeof lookup === 'string' && 'crmLookupUrl' in contacts) {
    if (contacts.crmLookupUrl !== lookup) warnings.push({ code: 'managed_by_policy', setting: 'contacts.crmLookupUrl' });
    delete next.crmLookupUrl;
  }
  return next as ContactsFileSettings;
}

/**
 * An import as it would apply under the administrator's policy: the policy's settings win over
 * the file's, and each the file would have changed is named in a warning.
 */
export function importUnderPolicy(imported: ImportedConfiguration, policy: PolicyState): { value: ImportedConfiguration; warnings: ConfigurationFileIssue[] } {
  // Sections the policy cannot set pass as they are.
  const value: ImportedConfiguration = { ...imported };
  const warnings: ConfigurationFileIssue[] = [];
  for (const section of POLICY_FILE_SECTIONS) {
    const next = imported[section] as Record<string, unknown> | undefined;
    if (next === undefined) continue;
    const locked = withPolicy(POLICY_SECTION[section], next, policy);
    for (const field of lockedFields(policy, POLICY_SECTION[section])) {
      if (field in next && JSON.stringify(next[field]) !== JSON.stringify(locked[field]))
        warnings.push({ code: 'managed_by_policy', setting: `${section}.${field}` });
    }
    // The after-call and colleague settings are stored whole as the agent's own; the policy's fields
    // are laid over them where they are read, so the file's values wait there, not in effect.
    if (section !== 'afterCall' && section !== 'colleagues') Object.assign(value, { [section]: locked });
  }
  if (imported.contacts) value.contacts = contactsUnderPolicy(imported.contacts, policy, warnings);
  return { value, warnings };
}

/** One setting an import would change, with its value before and after, as shown to the agent. */
export interface ImportChange {
  section: ImportSection;
  field: string;
  before: string;
  after: string;
}

export interface CurrentSettings {
  callerId: CallerIdConfig | null;
  account: AccountSettings | null;
  queues: QueueSettings | null;
  afterCall?: AfterCallSettings | null;
  colleagues?: ColleagueSettings | null;
  contacts?: ContactsFileSettings | null;
}

const onOff = (value: boolean): string => (value ? 'on' : 'off');

function iceServersText(servers: AccountSettings['iceServers']): string {
  // TURN credentials are not shown: only whether a server has them.
  return servers.map((s) => (s.username === undefined ? s.urls : `${s.urls} (with credentials)`)).join(', ');
}

function queueText(settings: QueueSettings): string {
  return settings.queues
    .map(
      (q) =>
        `${q.name} (${[q.extension, `${q.loginCode}/${q.logoutCode}`, q.agent, q.callerNamePrefix === '' ? '' : `name prefix ${q.callerNamePrefix}`].filter(Boolean).join(', ')})`,
    )
    .join('; ');
}

/** What each section looks like, field by field, as text: two settings differ where their texts do. */
function fieldsOf(
  section: ImportSection,
  settings: CallerIdConfig | AccountSettings | QueueSettings | AfterCallSettings | ColleagueSettings | ContactsFileSettings | null | undefined,
): Record<string, string> {
  if (settings === null || settings === undefined) return {};
  switch (section) {
    case 'account': {
      const a = settings as AccountSettings;
      return {
        username: a.username,
        domain: a.domain,
        websocketUrl: a.websocketUrl,
        displayName: a.displayName,
        iceServers: iceServersText(a.iceServers),
        enabled: onOff(a.enabled),
      };
    }
    case 'callerId': {
      const c = settings as CallerIdConfig;
      return {
        defaultOutgoingNumber: c.defaultOutgoingNumber,
        incomingNumbers: c.incomingNumbers.join(', '),
        userOutgoingNumber: c.userOutgoingNumber,
        advancedRules: c.advancedRules.map((r) => `${r.prefix} → ${r.number}`).join(', '),
        applyRulesToAllUsers: onOff(c.applyRulesToAllUsers),
        homeCountry: c.homeCountry,
      };
    }
    case 'queues': {
      const q = settings as QueueSettings;
      return { queues: queueText(q), reminder: q.reminder.enabled ? q.reminder.time : 'off' };
    }
    case 'afterCall': {
      const a = settings as AfterCallSettings;
      return {
        dispositions: a.dispositions.join(', '),
        dispositionRequired: onOff(a.dispositionRequired),
        wrapUpSeconds: String(a.wrapUpSeconds),
        wrapUpAfter: a.wrapUpAfter,
        webhookUrl: a.webhookUrl,
      };
    }
    case 'colleagues': {
      const c = settings as ColleagueSettings;
      return {
        colleagues: c.colleagues.map((x) => `${x.name} (${x.extension})`).join('; '),
        quickCalls: c.quickCalls.map((x) => `${x.name} (${x.number})`).join('; '),
        pickupCode: c.pickupCode,
      };
    }
    case 'contacts': {
      const c = settings as ContactsFileSettings;
      const fields: Record<string, string> = {};
      if (c.cardDavSources) fields.cardDavSources = c.cardDavSources.map(fileSourceText).join('; ');
      if (c.crmLookupUrl !== undefined) fields.crmLookupUrl = c.crmLookupUrl;
      if (c.screenPop !== undefined) fields.screenPop = c.screenPop;
      if (c.recordUrlTemplate !== undefined) fields.recordUrlTemplate = c.recordUrlTemplate;
      if (c.unknownCallers !== undefined) fields.unknownCallers = onOff(c.unknownCallers);
      return fields;
    }
  }
}

/**
 * Every setting the import would change, for the preview the agent accepts or refuses before
 * anything is written. The password is never shown: a change of it is listed with empty values.
 */
export function describeImport(current: CurrentSettings, imported: ImportedConfiguration): ImportChange[] {
  const changes: ImportChange[] = [];
  for (const section of ['account', 'callerId', 'queues', 'afterCall', 'colleagues', 'contacts'] as const) {
    const next = section === 'contacts' && imported.contacts ? withMergedSources(imported.contacts, current.contacts) : imported[section];
    if (next === undefined) continue;
    const before = fieldsOf(section, current[section]);
    for (const [field, after] of Object.entries(fieldsOf(section, next))) {
      if ((before[field] ?? '') !== after) changes.push({ section, field, before: before[field] ?? '', after });
    }
    if (section === 'account' && current.account?.password !== imported.account?.password) changes.push({ section, field: 'password', before: '', after: '' });
  }
  return changes;
}

/** Whether the import would register as another user, domain or server than now. */
export function movesAccount(changes: readonly ImportChange[]): boolean {
  return changes.some((c) => c.section === 'account' && ['username', 'domain', 'websocketUrl'].includes(c.field));
}

/**
 * An import adds the file's CardDAV address books to the agent's, never removes one: one that is
 * there already (same server and user) takes the file's record URL template.
 */
export function mergeCardDavSources(current: readonly FileCardDavSource[], imported: readonly FileCardDavSource[]): FileCardDavSource[] {
  const merged = current.map((source) => {
    const fromFile = imported.find((s) => sameCardDavAccount(s, source));
    if (!fromFile) return source;
    const { recordUrlTemplate: _, ...rest } = source;
    return fromFile.recordUrlTemplate ? { ...rest, recordUrlTemplate: fromFile.recordUrlTemplate } : rest;
  });
  return [...merged, ...imported.filter((s) => !current.some((c) => sameCardDavAccount(c, s)))];
}

/** The contacts section as it would be once imported: the address books merged with the agent's. */
function withMergedSources(imported: ContactsFileSettings, current: ContactsFileSettings | null | undefined): ContactsFileSettings {
  if (!imported.cardDavSources) return imported;
  return { ...imported, cardDavSources: mergeCardDavSources(current?.cardDavSources ?? [], imported.cardDavSources) };
}
