/**
 * What is wrong with caller ID settings, as codes with the details the views word. Rules and
 * incoming numbers are counted from 1, as the settings page shows them.
 */
export type CallerIdIssue =
  | { code: 'not_an_object' }
  | { code: 'unreadable' }
  | { code: 'not_json' }
  | { code: 'home_country_missing' }
  | { code: 'home_country_unknown'; country: string }
  | { code: 'incoming_not_a_list' }
  | { code: 'incoming_not_text'; index: number }
  | { code: 'incoming_invalid'; index: number; raw: string }
  | { code: 'incoming_duplicate'; index: number; number: string; first: number }
  | { code: 'default_missing' }
  | { code: 'default_invalid'; number: string }
  | { code: 'default_not_incoming'; number: string }
  | { code: 'user_not_text' }
  | { code: 'user_missing' }
  | { code: 'user_not_incoming'; number: string }
  | { code: 'rules_not_a_list' }
  | { code: 'rule_incomplete'; rule: number }
  | { code: 'rule_prefix_empty'; rule: number }
  | { code: 'rule_prefix_not_digits'; rule: number; prefix: string }
  | { code: 'rule_number_not_incoming'; rule: number; prefix: string | null; number: string }
  | { code: 'rule_without_access_code'; rule: number; prefix: string }
  | { code: 'rule_shadowed'; rule: number; prefix: string; by: number; byPrefix: string }
  | { code: 'apply_to_all_not_boolean' }
  | { code: 'field_unknown'; at: SettingPlace }
  | { code: 'field_missing'; at: SettingPlace }
  | { code: 'field_wrong_type'; at: SettingPlace; expected: ExpectedType };

/** Where in imported settings a field is: a rule's key, an incoming number, or a setting's name. */
export type SettingPlace = { rule: number; key: string | null } | { incoming: number } | { setting: string | null };

export type ExpectedType = 'text' | 'boolean' | 'list' | 'object' | 'other';
