export { classifyDialString, type DialString, MAX_DIAL_DIGITS } from '../numbers/dialString';
export { callerIdDraftOf } from './draft';
export type { CallerIdIssue, ExpectedType, SettingPlace } from './issues';
export { normalizeRulePrefix } from './numbers';
export { type ParsedCallerIdConfig, parseCallerIdConfig } from './parse';
export { type CompiledCallerId, compileCallerIdConfig, resolveCallerId } from './resolve';
export type { CallerIdConfig, CallerIdResult } from './types';
export { type CallerIdConfigReport, validateCallerIdConfig } from './validate';
