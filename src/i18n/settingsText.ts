import type { AfterCallErrorCode } from '../aftercall/settings';
import type { CallerIdIssue, ExpectedType, SettingPlace } from '../callerid/issues';
import type { AccountErrorCode, PreferenceErrorCode } from '../settings';
import type { ConfigurationFileIssue } from '../settings/configurationFile';
import { cardDavErrorText } from './cardDavText';
import { describeColleagueSettingsError } from './colleagueText';
import { type MessageKey, t } from './index';
import { describeQueueSettingsError } from './queueText';
import { contactsFileErrorText } from './screenPopText';

/** The settings page's checks, in the agent's language: caller ID, account, preferences, settings file. */

const expected: Record<ExpectedType, MessageKey> = {
  text: 'settingsExpectText',
  boolean: 'settingsExpectBoolean',
  list: 'settingsExpectList',
  object: 'settingsExpectObject',
  other: 'settingsExpectOther',
};

function placeText(at: SettingPlace): string {
  if ('rule' in at) return at.key === null ? t('settingsPlaceRule', String(at.rule)) : t('settingsPlaceRuleKey', [String(at.rule), at.key]);
  if ('incoming' in at) return t('settingsPlaceIncoming', String(at.incoming));
  return at.setting === null ? t('settingsPlaceWhole') : t('settingsPlaceSetting', at.setting);
}

const simpleCallerIdIssues: Partial<Record<CallerIdIssue['code'], MessageKey>> = {
  not_an_object: 'settingsCallerIdNotAnObject',
  unreadable: 'settingsCallerIdUnreadable',
  not_json: 'settingsCallerIdNotJson',
  home_country_missing: 'settingsHomeCountryMissing',
  incoming_not_a_list: 'settingsIncomingNotAList',
  default_missing: 'settingsDefaultMissing',
  user_not_text: 'settingsUserNotText',
  user_missing: 'settingsUserMissing',
  rules_not_a_list: 'settingsRulesNotAList',
  apply_to_all_not_boolean: 'settingsApplyToAllNotBoolean',
};

/** A caller ID settings error or warning, e.g. "Rule 3 (00442) can never apply: rule 1 (0044) comes first". */
export function callerIdIssueText(issue: CallerIdIssue): string {
  switch (issue.code) {
    case 'home_country_unknown':
      return t('settingsHomeCountryUnknown', issue.country);
    case 'incoming_not_text':
      return t('settingsIncomingNotText', String(issue.index));
    case 'incoming_invalid':
      return t('settingsIncomingInvalid', [String(issue.index), issue.raw]);
    case 'incoming_duplicate':
      return t('settingsIncomingDuplicate', [String(issue.index), issue.number, String(issue.first)]);
    case 'default_invalid':
      return t('settingsDefaultInvalid', issue.number);
    case 'default_not_incoming':
      return t('settingsDefaultNotIncoming', issue.number);
    case 'user_not_incoming':
      return t('settingsUserNotIncoming', issue.number);
    case 'rule_incomplete':
      return t('settingsRuleIncomplete', String(issue.rule));
    case 'rule_prefix_empty':
      return t('settingsRulePrefixEmpty', String(issue.rule));
    case 'rule_prefix_not_digits':
      return t('settingsRulePrefixNotDigits', [String(issue.rule), issue.prefix]);
    case 'rule_number_not_incoming':
      return issue.prefix === null
        ? t('settingsRuleNumberNotIncomingNoPrefix', [String(issue.rule), issue.number])
        : t('settingsRuleNumberNotIncoming', [String(issue.rule), issue.prefix, issue.number]);
    case 'rule_without_access_code':
      return t('settingsRuleWithoutAccessCode', [String(issue.rule), issue.prefix]);
    case 'rule_shadowed':
      return t('settingsRuleShadowed', [String(issue.rule), issue.prefix, String(issue.by), issue.byPrefix]);
    case 'field_unknown':
      return t('settingsFieldUnknown', placeText(issue.at));
    case 'field_missing':
      return t('settingsFieldMissing', placeText(issue.at));
    case 'field_wrong_type':
      return t('settingsFieldWrongType', [placeText(issue.at), t(expected[issue.expected])]);
    default:
      return t(simpleCallerIdIssues[issue.code] ?? 'settingsCallerIdUnreadable');
  }
}

const accountErrors: Record<AccountErrorCode, MessageKey> = {
  username_required: 'accountErrorUsernameRequired',
  username_too_long: 'accountErrorUsernameTooLong',
  username_characters: 'accountErrorUsernameCharacters',
  password_required: 'accountErrorPasswordRequired',
  password_too_long: 'accountErrorPasswordTooLong',
  domain_required: 'accountErrorDomainRequired',
  domain_invalid: 'accountErrorDomainInvalid',
  websocket_required: 'accountErrorWebsocketRequired',
  websocket_invalid: 'accountErrorWebsocketInvalid',
  websocket_unencrypted: 'accountErrorWebsocketUnencrypted',
  display_name_too_long: 'accountErrorDisplayNameTooLong',
  ice_server_invalid: 'accountErrorIceServerInvalid',
  ice_servers_too_many: 'accountErrorIceServersTooMany',
  invalid: 'accountErrorInvalid',
};

/** What is wrong with an account field, e.g. "The SIP username is required". */
export function accountErrorText(code: AccountErrorCode): string {
  return t(accountErrors[code]);
}

const preferenceErrors: Record<PreferenceErrorCode, MessageKey> = {
  voicemail_characters: 'prefErrorVoicemailCharacters',
  invalid: 'prefErrorInvalid',
};

export function preferenceErrorText(code: PreferenceErrorCode): string {
  return t(preferenceErrors[code]);
}

/** One line of a settings file's check, e.g. "Caller ID: Rule 1 (0049): +49301234567 is not one of the incoming numbers". */
export function configurationFileIssueText(issue: ConfigurationFileIssue): string {
  switch (issue.code) {
    case 'not_json':
      return t('fileErrorNotJson');
    case 'not_an_object':
      return t('fileErrorNotAnObject');
    case 'unknown_version':
      return t('fileErrorUnknownVersion', [issue.version, String(issue.expected)]);
    case 'unknown_section':
      return t('fileErrorUnknownSection', issue.section);
    case 'no_settings':
      return t('fileErrorNoSettings');
    case 'caller_id':
      return t('fileIssueCallerId', callerIdIssueText(issue.issue));
    case 'account':
      return t('fileIssueAccount', accountErrorText(issue.error.code));
    case 'account_without_password':
      return t('fileErrorAccountWithoutPassword');
    case 'account_moved_without_password':
      return t('fileErrorAccountMoved');
    case 'queues':
      return t('fileIssueQueues', describeQueueSettingsError(issue.error));
    case 'managed_by_policy':
      return t('fileWarningManagedByPolicy', issue.setting);
    case 'after_call':
      return t('fileIssueAfterCall', afterCallErrorText(issue.error));
    case 'colleagues':
      return t('fileIssueColleagues', describeColleagueSettingsError(issue.error));
    case 'contacts':
      return t('fileIssueContacts', contactsFileErrorText(issue.error));
    case 'carddav_without_password':
      return t('fileWarningCardDavWithoutPassword', issue.source);
    case 'contacts_no_permission':
      return t('fileWarningContactsNoPermission', issue.origin);
    case 'carddav_not_added':
      return t('fileWarningCardDavNotAdded', [issue.source, cardDavErrorText(issue.error)]);
  }
}

const afterCallErrors: Record<AfterCallErrorCode, MessageKey> = {
  disposition_empty: 'afterCallErrorDispositionEmpty',
  disposition_too_long: 'afterCallErrorDispositionTooLong',
  disposition_duplicate: 'afterCallErrorDispositionDuplicate',
  too_many_dispositions: 'afterCallErrorTooManyDispositions',
  wrap_up_range: 'afterCallErrorWrapUpRange',
  webhook_invalid: 'afterCallErrorWebhookInvalid',
  webhook_not_https: 'afterCallErrorWebhookNotHttps',
  webhook_credentials: 'afterCallErrorWebhookCredentials',
};

export function afterCallErrorText(code: AfterCallErrorCode): string {
  return t(afterCallErrors[code]);
}
