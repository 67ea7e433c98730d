import type { NumberProblem } from '../numbers/dialString';

/** Company and user caller ID settings, as configured in the PBX console. */
export interface CallerIdConfig {
  /** E.164, e.g. "+3225551234". */
  defaultOutgoingNumber: string;
  /** E.164. */
  incomingNumbers: string[];
  /** 'default' or one of incomingNumbers. */
  userOutgoingNumber: 'default' | string;
  /** Ordered: the first rule whose prefix starts the destination wins. */
  advancedRules: { prefix: string; number: string }[];
  /** "Apply advanced rules even for users with a default outgoing number configured". */
  applyRulesToAllUsers: boolean;
  /** ISO 3166-1 alpha-2, e.g. "BE": the country national numbers are read in. */
  homeCountry: string;
}

export type CallerIdResult =
  | { kind: 'external'; callerId: string; source: 'rule' | 'user' | 'default'; ruleIndex?: number; destination: string }
  | { kind: 'internal'; callerId: null; destination: string }
  | { kind: 'invalid'; callerId: null; error: CallerIdProblem };

/** Why no caller ID can be given: a code (and its detail) the views word. */
export type CallerIdProblem =
  | NumberProblem
  | { code: 'no_home_country' }
  | { code: 'incomplete_number'; digits: string }
  | { code: 'rule_without_number'; rule: number }
  | { code: 'user_number_invalid' }
  | { code: 'no_default_number' }
  | { code: 'settings_missing' };
