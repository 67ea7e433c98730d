import { beforeAll, describe, expect, test } from 'vitest';
import type { CallerIdIssue } from '../../../src/callerid';
import { accountErrorText, callerIdIssueText, configurationFileIssueText, preferenceErrorText } from '../../../src/i18n/settingsText';
import type { AccountErrorCode } from '../../../src/settings';
import type { ConfigurationFileIssue } from '../../../src/settings/configurationFile';
import { installEnglish } from './englishMessages';

beforeAll(installEnglish);

describe('the settings checks travel as codes and are worded by the view', () => {
  test.each<[CallerIdIssue, string]>([
    [{ code: 'not_an_object' }, 'The caller ID settings must be an object'],
    [{ code: 'unreadable' }, 'The caller ID settings could not be read'],
    [{ code: 'not_json' }, 'The caller ID settings are not valid JSON'],
    [{ code: 'home_country_missing' }, 'The home country is missing'],
    [{ code: 'home_country_unknown', country: 'XX' }, 'Unknown home country XX'],
    [{ code: 'incoming_not_a_list' }, 'The incoming numbers must be a list of phone numbers'],
    [{ code: 'incoming_not_text', index: 2 }, 'Incoming number 2 must be a phone number written as text'],
    [{ code: 'incoming_invalid', index: 2, raw: '+44 abc' }, 'Incoming number 2 (+44 abc) is not a valid phone number'],
    [{ code: 'incoming_duplicate', index: 3, number: '+3225551234', first: 1 }, 'Incoming number 3 (+3225551234) is listed twice: same as incoming number 1'],
    [{ code: 'default_missing' }, 'The default outgoing number is missing'],
    [{ code: 'default_invalid', number: 'reception' }, 'The default outgoing number (reception) is not a valid phone number'],
    [{ code: 'default_not_incoming', number: '+3225550000' }, 'The default outgoing number (+3225550000) is not one of the incoming numbers'],
    [{ code: 'user_not_text' }, 'Your outgoing number must be Default or one of the incoming numbers'],
    [{ code: 'user_missing' }, 'Your outgoing number is missing: choose Default for the company default'],
    [{ code: 'user_not_incoming', number: 'mine' }, 'Your outgoing number (mine) is not one of the incoming numbers'],
    [{ code: 'rules_not_a_list' }, 'The advanced rules must be a list'],
    [{ code: 'rule_incomplete', rule: 1 }, 'Rule 1 must have a destination prefix and a number'],
    [{ code: 'rule_prefix_empty', rule: 1 }, 'Rule 1 has an empty destination prefix'],
    [{ code: 'rule_prefix_not_digits', rule: 2, prefix: '00GB' }, 'Rule 2 (00GB): the destination prefix must be digits, e.g. 0044'],
    [{ code: 'rule_number_not_incoming', rule: 1, prefix: '0049', number: '+49301234567' }, 'Rule 1 (0049): +49301234567 is not one of the incoming numbers'],
    [{ code: 'rule_number_not_incoming', rule: 1, prefix: null, number: 'Berlin' }, 'Rule 1: Berlin is not one of the incoming numbers'],
    [
      { code: 'rule_without_access_code', rule: 1, prefix: '44' },
      'Rule 1 (44) can never apply: destinations are compared with the international access code, e.g. 0044',
    ],
    [{ code: 'rule_shadowed', rule: 3, prefix: '00442', by: 1, byPrefix: '0044' }, 'Rule 3 (00442) can never apply: rule 1 (0044) comes first'],
    [{ code: 'apply_to_all_not_boolean' }, '“Apply advanced rules even for users with a default outgoing number configured” must be true or false'],
    [{ code: 'field_unknown', at: { setting: 'extra' } }, 'Setting extra is not a known setting'],
    [{ code: 'field_unknown', at: { rule: 1, key: 'note' } }, 'Rule 1, note is not a known setting'],
    [{ code: 'field_missing', at: { setting: 'homeCountry' } }, 'Setting homeCountry is missing'],
    [{ code: 'field_wrong_type', at: { setting: 'applyRulesToAllUsers' }, expected: 'boolean' }, 'Setting applyRulesToAllUsers must be true or false'],
    [{ code: 'field_wrong_type', at: { rule: 1, key: 'prefix' }, expected: 'text' }, 'Rule 1, prefix must be text'],
    [{ code: 'field_wrong_type', at: { incoming: 2 }, expected: 'text' }, 'Incoming number 2 must be text'],
    [{ code: 'field_wrong_type', at: { setting: null }, expected: 'list' }, 'The caller ID settings must be a list'],
  ])('caller ID %j', (issue, text) => {
    expect(callerIdIssueText(issue)).toBe(text);
  });

  test.each<[AccountErrorCode, string]>([
    ['username_required', 'The SIP username is required'],
    ['username_too_long', 'The SIP username is too long'],
    ['username_characters', 'The SIP username may contain letters, digits and . _ - only'],
    ['password_required', 'The SIP password is required'],
    ['password_too_long', 'The SIP password is too long'],
    ['domain_required', 'The domain is required'],
    ['domain_invalid', 'The domain must be a host name such as company.axivox.com'],
    ['websocket_required', 'The WebSocket URL is required'],
    ['websocket_invalid', 'The WebSocket URL must start with wss:// (or ws:// for a local test server)'],
    ['websocket_unencrypted', 'ws:// (unencrypted) is only for a test server on this machine or a private network: use wss://'],
    ['display_name_too_long', 'The display name is too long'],
    ['ice_server_invalid', 'An ICE server starts with stun:, stuns:, turn: or turns:'],
    ['ice_servers_too_many', 'At most 8 ICE servers'],
    ['invalid', 'This value is not valid'],
  ])('account %s', (code, text) => {
    expect(accountErrorText(code)).toBe(text);
  });

  test('preferences', () => {
    expect(preferenceErrorText('voicemail_characters')).toBe('The voicemail number may contain digits, * and # only');
    expect(preferenceErrorText('invalid')).toBe('This setting was not saved: its value is not valid');
  });

  test.each<[ConfigurationFileIssue, string]>([
    [{ code: 'not_json' }, 'The file is not JSON'],
    [{ code: 'not_an_object' }, 'The file must hold a JSON object'],
    [{ code: 'unknown_version', version: '2', expected: 1 }, 'Unknown file version 2: expected 1'],
    [{ code: 'unknown_section', section: 'extras' }, '“extras” is not a known section'],
    [{ code: 'no_settings' }, 'The file holds no settings'],
    [
      { code: 'caller_id', issue: { code: 'rule_prefix_not_digits', rule: 1, prefix: '44x' } },
      'Caller ID: Rule 1 (44x): the destination prefix must be digits, e.g. 0044',
    ],
    [{ code: 'account', error: { field: 'username', code: 'username_required' } }, 'Account: The SIP username is required'],
    [{ code: 'account_without_password' }, 'Account: the file has no SIP password and none is stored yet'],
    [
      { code: 'account_moved_without_password' },
      'Account: the file changes the SIP user, domain or server but has no SIP password: the stored password is kept only for the same account',
    ],
    [{ code: 'queues', error: { queue: 1, field: 'loginCode', code: 'not_dialable' } }, 'Queues: queue 2, Agent connection code: use digits, * and # only'],
  ])('settings file %j', (issue, text) => {
    expect(configurationFileIssueText(issue)).toBe(text);
  });
});
