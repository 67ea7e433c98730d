import type { ColleagueErrorCode, ColleagueSettingsError, ColleagueState } from '../colleagues';
import { type MessageKey, t } from '.';

const stateKeys: Record<ColleagueState, MessageKey> = {
  idle: 'colleagueStateIdle',
  ringing: 'colleagueStateRinging',
  busy: 'colleagueStateBusy',
  unknown: 'colleagueStateUnknown',
};

export function colleagueStateText(state: ColleagueState): string {
  return t(stateKeys[state]);
}

const errorKeys: Record<ColleagueErrorCode, MessageKey> = {
  required: 'colleagueErrorRequired',
  too_long: 'colleagueErrorTooLong',
  not_dialable: 'colleagueErrorNotDialable',
  duplicate_name: 'colleagueErrorDuplicateName',
  duplicate_number: 'colleagueErrorDuplicateNumber',
  too_many: 'colleagueErrorTooMany',
  not_json: 'colleagueErrorNotJson',
  malformed: 'colleagueErrorMalformed',
};

export function colleagueErrorText(code: ColleagueErrorCode): string {
  return t(errorKeys[code]);
}

/** A problem with where it is, for a message about a whole file or form. */
export function describeColleagueSettingsError(error: ColleagueSettingsError): string {
  const where = error.index === null ? '' : `${t(error.list === 'quickCalls' ? 'quickCallLegend' : 'colleagueLegend', String(error.index + 1))}: `;
  return where + colleagueErrorText(error.code);
}
