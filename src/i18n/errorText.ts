import type { CallerIdProblem } from '../callerid/types';
import type { AppError } from '../calls/errors';
import type { CallEnd } from '../calls/snapshot';
import { MAX_DIAL_DIGITS, type NumberProblem } from '../numbers/dialString';
import { type MessageKey, t } from './index';

/** Why no caller ID can be given for a number, in the agent's language. */
export function callerIdProblemText(problem: CallerIdProblem): string {
  switch (problem.code) {
    case 'no_home_country':
      return t('callerIdNoHomeCountry');
    case 'incomplete_number':
      return t('callerIdIncomplete', problem.digits);
    case 'rule_without_number':
      return t('callerIdRuleWithoutNumber', String(problem.rule));
    case 'user_number_invalid':
      return t('callerIdUserNumberInvalid');
    case 'no_default_number':
      return t('callerIdNoDefault');
    case 'settings_missing':
      return t('callerIdMissing');
    default:
      return numberProblemText(problem);
  }
}

/** Why a number cannot be dialled, in the agent's language. */
export function numberProblemText(problem: NumberProblem): string {
  switch (problem.code) {
    case 'empty':
      return t('numberEmpty');
    case 'too_long':
      return t('numberTooLong', String(MAX_DIAL_DIGITS));
    case 'letters':
      return t('numberLetters');
    case 'plus_not_first':
      return t('numberPlusNotFirst');
    case 'plus_with_code':
      return t('numberPlusWithCode');
    case 'bad_character':
      return t('numberBadCharacter', problem.char ?? '');
    case 'no_country_code':
      return t('numberNoCountryCode');
    case 'country_code_zero':
      return t('numberCountryCodeZero');
    case 'not_a_phone_link':
      return t('numberNotAPhoneLink');
    case 'sip_not_callable':
      return t('numberSipNotCallable');
    case 'sip_other_domain':
      return t('numberSipOtherDomain');
    case 'more_than_a_number':
      return t('numberMoreThanANumber');
    case 'page_digits_only':
      return t('numberPageDigitsOnly');
    case 'nothing_selected':
      return t('numberNothingSelected');
    case 'none_in_selection':
      return t('numberNoneInSelection');
  }
}

const simpleErrors: Partial<Record<AppError['code'], MessageKey>> = {
  auth_failed: 'errorAuthFailed',
  no_sip_identity: 'errorNoSipIdentity',
  not_set_up: 'errorNotSetUp',
  turned_off: 'errorTurnedOff',
  not_registered: 'errorNotRegistered',
  microphone_denied: 'errorMicrophoneDenied',
  microphone_missing: 'errorMicrophoneMissing',
  call_in_progress: 'errorCallInProgress',
  call_not_ringing: 'errorCallNotRinging',
  call_ended: 'errorCallEnded',
  consulted_party_gone: 'errorConsultedPartyGone',
  transfer_request_gone: 'errorTransferRequestGone',
  nothing_to_pick_up: 'errorNothingToPickUp',
  pickup_not_set_up: 'errorPickupNotSetUp',
  offscreen_unavailable: 'errorOffscreenUnavailable',
  invalid_settings: 'errorInvalidSettings',
  all_sites_refused: 'errorAllSitesRefused',
  click_to_call_off: 'errorClickToCallOff',
};

/** An error in the agent's language, from its code and parameters. */
export function errorText(error: AppError): string {
  switch (error.code) {
    case 'unreachable':
      return error.params[0].startsWith('wss:') ? t('errorUnreachableSecure', error.params[0]) : t('errorUnreachable', error.params[0]);
    case 'timeout':
      return t('errorTimeout', error.params[0]);
    case 'registration_refused':
      return t('errorRegistrationRefused', error.params);
    case 'microphone_failed':
      return error.params[0] ? `${t('errorMicrophoneFailed')} (${error.params[0]})` : t('errorMicrophoneFailed');
    case 'invalid_number':
      return numberProblemText(error.problem);
    case 'transfer_failed':
      return error.params[1] ? t('errorTransferFailedStatus', error.params) : t('errorTransferFailed', error.params[0]);
    case 'site_access_refused':
      return t('errorSiteAccessRefused', error.params[0]);
    case 'not_a_web_site':
      return t('errorNotAWebSite', error.params[0]);
    case 'internal':
      return t('errorInternal', error.params[0]);
    default:
      return t(simpleErrors[error.code] ?? 'statusFailed');
  }
}

const callEnds: Record<Exclude<CallEnd['code'], 'failed'>, MessageKey> = {
  local_hangup: 'callEnded',
  remote_hangup: 'endRemoteHangup',
  busy: 'endBusy',
  rejected: 'endRejected',
  declined: 'endDeclined',
  not_found: 'endNotFound',
  unavailable: 'endUnavailable',
  no_answer: 'endNoAnswer',
  canceled: 'endCanceled',
  caller_canceled: 'endCallerCanceled',
  connection_lost: 'endConnectionLost',
  media_unusable: 'endMediaUnusable',
};

/** How a call ended, in the agent's language. */
export function callEndText(end: Pick<CallEnd, 'code' | 'cause'>): string {
  return end.code === 'failed' ? t('endFailed', end.cause ?? '') : t(callEnds[end.code]);
}

/** A recent call's outcome: a call-end code, or the sentence an earlier version stored. */
export function outcomeText(outcome: string, cause: string | null): string {
  if (outcome === 'failed') return t('endFailed', cause ?? '');
  return outcome in callEnds ? t(callEnds[outcome as keyof typeof callEnds]) : outcome;
}

/** The https:// page of a wss:// server, where the agent can see and accept its certificate. */
export function certificatePage(error: AppError | null): string | null {
  if (error?.code !== 'unreachable' || !error.params[0].startsWith('wss:')) return null;
  try {
    return `https://${new URL(error.params[0]).host}/`;
  } catch {
    return null;
  }
}
