import { defaultAfterCallSettings, parseAfterCallSettings } from '../aftercall/settings';
import { parseCallerIdConfig } from '../callerid/parse';
import { parseClickToCallSettings } from '../clicktocall/settings';
import { emptyColleagueSettings, parseColleagueSettings } from '../colleagues/settings';
import { checkCrmTemplate } from '../contacts/crmLookup';
import { parseScreenPopSettings, type ScreenPopSettings } from '../contacts/screenPop';
import { DEFAULT_REMINDER, parseQueueSettings } from '../queues/settings';
import { type AccountSettings, parseAccountSettings, parsePreferences } from '../settings';
import { type FileCardDavSource, parseContactsSection } from '../settings/contactsSection';
import type { PolicyReason, PolicySection } from './state';

/** A JSON schema as Chrome's `managed_schema` takes it (a subset of draft 3/4). */
export type JsonSchema = {
  type: 'string' | 'boolean' | 'integer' | 'number' | 'array' | 'object';
  title?: string;
  description?: string;
  enum?: (string | number)[];
  items?: JsonSchema;
  properties?: Record<string, JsonSchema>;
};

/** A checked policy value: normalised as the settings form would store it, or the reason it is refused. */
export type Checked = { ok: true; value: unknown } | { ok: false; reason: PolicyReason };

export interface PolicyField {
  /** The policy's name of the value, as administrators write it. */
  key: string;
  /** The storage key whose value it overlays, and the field of that value it sets. */
  section: PolicySection;
  setting: string;
  /** Its entry in the manifest's managed schema (public/managed_schema.json, made from this list). */
  schema: JsonSchema;
  /**
   * The same check the settings form makes of that field. Checks that involve other fields of a
   * section (caller ID numbers against the home country and the incoming numbers) run afterwards
   * over the section as a whole (src/policy/apply.ts).
   */
  check(value: unknown): Checked;
}

const text = (description: string): JsonSchema => ({ type: 'string', description });
const flag = (description: string): JsonSchema => ({ type: 'boolean', description });
const textItem = (props: string[]): JsonSchema => ({ type: 'object', properties: Object.fromEntries(props.map((p) => [p, { type: 'string' }])) });

/** A stand-in account every field check starts from, so a field is judged on its own. */
const STAND_IN: AccountSettings = {
  username: 'stand-in',
  password: 'stand-in',
  domain: 'example.com',
  websocketUrl: 'wss://example.com',
  displayName: '',
  iceServers: [],
  enabled: true,
};

function accountField(setting: keyof AccountSettings): (value: unknown) => Checked {
  return (value) => {
    const parsed = parseAccountSettings({ ...STAND_IN, [setting]: value });
    if (parsed.ok) return { ok: true, value: parsed.value[setting] };
    return { ok: false, reason: { code: 'account', error: parsed.errors[0]?.code ?? 'invalid' } };
  };
}

function preferenceField(setting: string): (value: unknown) => Checked {
  return (value) => {
    const parsed = parsePreferences({ [setting]: value });
    if (parsed.ok) return { ok: true, value: (parsed.value as unknown as Record<string, unknown>)[setting] };
    return { ok: false, reason: { code: 'preferences', error: parsed.errors[0] ?? 'invalid' } };
  };
}

function clickToCallField(setting: string): (value: unknown) => Checked {
  return (value) => {
    const parsed = parseClickToCallSettings({ [setting]: value });
    if (parsed.ok) return { ok: true, value: (parsed.value as unknown as Record<string, unknown>)[setting] };
    return { ok: false, reason: { code: 'click_to_call' } };
  };
}

/** Caller ID fields are checked as a section, with the home country and numbers they depend on. */
function callerIdField(setting: string): (value: unknown) => Checked {
  return (value) => {
    // Only the type here: a stand-in of the right shape takes the value, the section check does the rest.
    const parsed = parseCallerIdConfig({ defaultOutgoingNumber: '', incomingNumbers: [], homeCountry: '', [setting]: value });
    const typeIssue = parsed.ok ? undefined : parsed.errors.find((issue) => issue.code === 'field_wrong_type' || issue.code === 'field_unknown');
    return typeIssue ? { ok: false, reason: { code: 'caller_id', issue: typeIssue } } : { ok: true, value };
  };
}

function afterCallField(setting: 'dispositions' | 'dispositionRequired' | 'wrapUpSeconds' | 'wrapUpAfter'): (value: unknown) => Checked {
  return (value) => {
    const parsed = parseAfterCallSettings({ ...defaultAfterCallSettings, [setting]: value });
    if (parsed.ok) return { ok: true, value: parsed.value[setting] };
    return { ok: false, reason: { code: 'after_call', error: parsed.errors[0]! } };
  };
}

function colleagueField(setting: 'colleagues' | 'quickCalls' | 'pickupCode'): (value: unknown) => Checked {
  return (value) => {
    const parsed = parseColleagueSettings({ ...emptyColleagueSettings, [setting]: value });
    if (parsed.ok) return { ok: true, value: parsed.value[setting] };
    return { ok: false, reason: { code: 'colleagues', error: parsed.errors[0]! } };
  };
}

function screenPopField(setting: keyof ScreenPopSettings): (value: unknown) => Checked {
  return (value) => {
    const parsed = parseScreenPopSettings({ [setting]: value });
    if (parsed.ok) return { ok: true, value: parsed.value[setting] };
    return { ok: false, reason: { code: 'screen_pop', error: parsed.errors[0]! } };
  };
}

/** The webhook URL as its form checks it ('' turns delivery off); the form's parser reads anything but text as '', a policy must not. */
function webhookUrlField(value: unknown): Checked {
  if (typeof value !== 'string') return { ok: false, reason: { code: 'after_call', error: 'webhook_invalid' } };
  const parsed = parseAfterCallSettings({ ...defaultAfterCallSettings, webhookUrl: value });
  if (parsed.ok) return { ok: true, value: parsed.value.webhookUrl };
  return { ok: false, reason: { code: 'after_call', error: parsed.errors[0]! } };
}

/** The CRM lookup URL template as its form checks it: '' turns the lookup off. */
export function crmLookupUrlField(value: unknown): Checked {
  if (typeof value !== 'string') return { ok: false, reason: { code: 'crm_lookup', problem: 'not_a_url' } };
  const template = value.trim();
  if (template === '') return { ok: true, value: '' };
  const checked = checkCrmTemplate(template);
  return checked.ok ? { ok: true, value: template } : { ok: false, reason: { code: 'crm_lookup', problem: checked.problem } };
}

/** A CardDAV source as the policy state keeps it: whether the policy gives a password, never the password itself. */
export type PolicyCardDavSource = Omit<FileCardDavSource, 'password'> & { withPassword: boolean };

function cardDavSourcesField(value: unknown): Checked {
  const parsed = parseContactsSection({ cardDavSources: value });
  if (!parsed.ok) return { ok: false, reason: { code: 'carddav', error: parsed.errors[0]! } };
  const sources: PolicyCardDavSource[] = (parsed.value.cardDavSources ?? []).map(({ password, ...source }) => ({
    ...source,
    withPassword: password !== undefined,
  }));
  return { ok: true, value: sources };
}

const queueItem: JsonSchema = {
  type: 'object',
  properties: {
    name: { type: 'string' },
    extension: { type: 'string' },
    loginCode: { type: 'string' },
    logoutCode: { type: 'string' },
    agent: { type: 'string', enum: ['static', 'dynamic'] },
    callerNamePrefix: { type: 'string' },
  },
};

/**
 * Every setting an administrator can push through browser policy (Chrome's storage.managed,
 * Firefox's policies.json `3rdparty`). To make another setting manageable, add one entry here:
 * its policy name, the storage key and field it overlays, its schema and the form's check for it.
 * `npm run policy-schema` then writes public/managed_schema.json (a unit test fails until it is).
 * The settings page locks the field, imports leave it alone and the export marks it, all from
 * this list. The webhook and the CRM lookup URL reach a site the agent grants access to
 * themselves (an optional host permission no policy gives): Settings offers "Allow access to
 * <site>" until they have. The SIP password is deliberately absent: a policy is the same for every agent it
 * reaches and lies unencrypted in the registry or the policy file, readable by every local user.
 */
export const policyFields: readonly PolicyField[] = [
  {
    key: 'websocketUrl',
    section: 'account',
    setting: 'websocketUrl',
    schema: text('The PBX WebSocket URL, e.g. wss://pabx.axivox.com:3443'),
    check: accountField('websocketUrl'),
  },
  { key: 'domain', section: 'account', setting: 'domain', schema: text('The SIP domain, e.g. company.axivox.com'), check: accountField('domain') },
  {
    key: 'iceServers',
    section: 'account',
    setting: 'iceServers',
    schema: { type: 'array', description: 'STUN and TURN servers', items: textItem(['urls', 'username', 'credential']) },
    check: accountField('iceServers'),
  },
  {
    key: 'username',
    section: 'account',
    setting: 'username',
    schema: text('The SIP user (extension), for a policy per machine'),
    check: accountField('username'),
  },
  { key: 'displayName', section: 'account', setting: 'displayName', schema: text('The name callers see'), check: accountField('displayName') },
  {
    key: 'defaultOutgoingNumber',
    section: 'callerId',
    setting: 'defaultOutgoingNumber',
    schema: text("The company's default outgoing number"),
    check: callerIdField('defaultOutgoingNumber'),
  },
  {
    key: 'incomingNumbers',
    section: 'callerId',
    setting: 'incomingNumbers',
    schema: { type: 'array', description: "The company's incoming numbers", items: { type: 'string' } },
    check: callerIdField('incomingNumbers'),
  },
  {
    key: 'userOutgoingNumber',
    section: 'callerId',
    setting: 'userOutgoingNumber',
    schema: text('"default" or one of the incoming numbers'),
    check: callerIdField('userOutgoingNumber'),
  },
  {
    key: 'advancedRules',
    section: 'callerId',
    setting: 'advancedRules',
    schema: { type: 'array', description: 'Ordered caller ID rules: destination prefix and number', items: textItem(['prefix', 'number']) },
    check: callerIdField('advancedRules'),
  },
  {
    key: 'applyRulesToAllUsers',
    section: 'callerId',
    setting: 'applyRulesToAllUsers',
    schema: flag('Apply the rules even for users with a default outgoing number'),
    check: callerIdField('applyRulesToAllUsers'),
  },
  {
    key: 'homeCountry',
    section: 'callerId',
    setting: 'homeCountry',
    schema: text('ISO 3166-1 country code, e.g. BE'),
    check: callerIdField('homeCountry'),
  },
  {
    key: 'queues',
    section: 'queueSettings',
    setting: 'queues',
    schema: { type: 'array', description: 'The call queues', items: queueItem },
    check: (value) => {
      const parsed = parseQueueSettings({ queues: value, reminder: DEFAULT_REMINDER });
      return parsed.ok ? { ok: true, value: parsed.value.queues } : { ok: false, reason: { code: 'queues', error: parsed.errors[0]! } };
    },
  },
  {
    key: 'queueReminder',
    section: 'queueSettings',
    setting: 'reminder',
    schema: { type: 'object', description: 'The end-of-day queue logout reminder', properties: { enabled: { type: 'boolean' }, time: { type: 'string' } } },
    check: (value) => {
      const parsed = parseQueueSettings({ queues: [], reminder: value });
      return parsed.ok ? { ok: true, value: parsed.value.reminder } : { ok: false, reason: { code: 'queues', error: parsed.errors[0]! } };
    },
  },
  {
    key: 'clickToCallAllSites',
    section: 'clickToCall',
    setting: 'allSites',
    schema: flag('Click-to-call on every site'),
    check: clickToCallField('allSites'),
  },
  {
    key: 'clickToCallSites',
    section: 'clickToCall',
    setting: 'sites',
    schema: { type: 'array', description: 'Sites with click-to-call, e.g. https://crm.example.com', items: { type: 'string' } },
    check: clickToCallField('sites'),
  },
  {
    key: 'clickToCallAtOnce',
    section: 'clickToCall',
    setting: 'callAtOnce',
    schema: flag('A click on a call button dials at once'),
    check: clickToCallField('callAtOnce'),
  },
  {
    key: 'callWaiting',
    section: 'preferences',
    setting: 'callWaiting',
    schema: flag('Accept a second call during a call'),
    check: preferenceField('callWaiting'),
  },
  {
    key: 'declineWith',
    section: 'preferences',
    setting: 'declineWith',
    schema: { type: 'integer', description: 'SIP status sent on decline', enum: [486, 603] },
    check: preferenceField('declineWith'),
  },
  {
    key: 'dtmfMethod',
    section: 'preferences',
    setting: 'dtmfMethod',
    schema: { type: 'string', description: 'How keypad tones are sent', enum: ['rfc4733', 'info'] },
    check: preferenceField('dtmfMethod'),
  },
  {
    key: 'voicemailNumber',
    section: 'preferences',
    setting: 'voicemailNumber',
    schema: text('The number dialled for voicemail'),
    check: preferenceField('voicemailNumber'),
  },
  {
    key: 'dispositions',
    section: 'afterCallSettings',
    setting: 'dispositions',
    schema: { type: 'array', description: 'The tags an agent puts on a call, e.g. Sale, Call back', items: { type: 'string' } },
    check: afterCallField('dispositions'),
  },
  {
    key: 'dispositionRequired',
    section: 'afterCallSettings',
    setting: 'dispositionRequired',
    schema: flag('A queue call must be tagged before the agent is ready again'),
    check: afterCallField('dispositionRequired'),
  },
  {
    key: 'wrapUpSeconds',
    section: 'afterCallSettings',
    setting: 'wrapUpSeconds',
    schema: { type: 'integer', description: 'Seconds of wrap-up after a call (0 to 600)' },
    check: afterCallField('wrapUpSeconds'),
  },
  {
    key: 'wrapUpAfter',
    section: 'afterCallSettings',
    setting: 'wrapUpAfter',
    schema: { type: 'string', description: 'Which calls wrap-up follows', enum: ['queue', 'all'] },
    check: afterCallField('wrapUpAfter'),
  },
  {
    key: 'webhookUrl',
    section: 'afterCallSettings',
    setting: 'webhookUrl',
    schema: text('Where each finished call record is POSTed: https (http only on localhost or 127.0.0.1); each agent allows access to its site once'),
    check: webhookUrlField,
  },
  {
    key: 'colleagues',
    section: 'colleagueSettings',
    setting: 'colleagues',
    schema: { type: 'array', description: 'Colleagues shown on the Colleagues tab', items: textItem(['name', 'extension']) },
    check: colleagueField('colleagues'),
  },
  {
    key: 'quickCalls',
    section: 'colleagueSettings',
    setting: 'quickCalls',
    schema: { type: 'array', description: 'Speed dials for outside numbers', items: textItem(['name', 'number']) },
    check: colleagueField('quickCalls'),
  },
  {
    key: 'pickupCode',
    section: 'colleagueSettings',
    setting: 'pickupCode',
    schema: text("The PBX's directed pickup code, e.g. ** or *8"),
    check: colleagueField('pickupCode'),
  },
  {
    key: 'screenPop',
    section: 'screenPopSettings',
    setting: 'mode',
    schema: { type: 'string', description: "When the caller's record opens in a tab by itself", enum: ['off', 'answer', 'ring'] },
    check: screenPopField('mode'),
  },
  {
    key: 'recordUrlTemplate',
    section: 'screenPopSettings',
    setting: 'recordUrlTemplate',
    schema: text("The caller's record URL, e.g. https://crm.example.com/contacts?search={e164} ({number}, {name}, {uid} too)"),
    check: screenPopField('recordUrlTemplate'),
  },
  {
    key: 'screenPopUnknownCallers',
    section: 'screenPopSettings',
    setting: 'unknownCallers',
    schema: flag('Open the record URL also for callers no contact source knows'),
    check: screenPopField('unknownCallers'),
  },
  {
    key: 'cardDavSources',
    section: 'cardDavSources',
    setting: 'sources',
    schema: {
      type: 'array',
      description:
        "CardDAV address books every agent gets: server URL and username; the password is the administrator's choice (else each agent enters theirs)",
      items: textItem(['url', 'username', 'password', 'recordUrlTemplate']),
    },
    check: cardDavSourcesField,
  },
  {
    key: 'crmLookupUrl',
    section: 'crmLookup',
    setting: 'urlTemplate',
    schema: text(
      'The CRM lookup URL that names unknown callers, e.g. https://crm.example.com/lookup?number={e164} ({digits}, {number} too); each agent allows access to its site once',
    ),
    check: crmLookupUrlField,
  },
];

/** The manifest's `storage.managed_schema`, made from the list above. */
export function managedSchema(): JsonSchema {
  return { type: 'object', properties: Object.fromEntries(policyFields.map((field) => [field.key, field.schema])) };
}
