export type { CallerIdConfig, CallerIdResult } from './types';
export { resolveCallerId, compileCallerIdConfig, type CompiledCallerId } from './resolve';
export { validateCallerIdConfig, type CallerIdConfigReport } from './validate';
export { callerIdDraftOf, parseCallerIdConfig, type ParsedCallerIdConfig } from './parse';
export { classifyDialString, MAX_DIAL_DIGITS, type DialString } from '../numbers/dialString';
export { normalizeRulePrefix } from './numbers';
