import type { BadgeTitle } from '../calls/badge';
import type { AppError } from '../calls/errors';
import type { RegistrationSnapshot } from '../calls/snapshot';
import { t } from '.';
import { errorText } from './errorText';

/** The registration state in the agent's words (and language). */
export function registrationText(registration: RegistrationSnapshot): string {
  switch (registration.state) {
    case 'registered':
      return t('statusReady', registration.account ?? '');
    case 'connecting':
      return registration.error ? failureText(registration.error, true) : t('statusConnecting');
    case 'registering':
      return t('statusRegistering');
    case 'failed':
      if (!registration.error) return t('statusFailed');
      return failureText(registration.error, Boolean(registration.retryAt));
    case 'disabled':
      return t('statusDisabled');
    case 'unconfigured':
      return t('statusUnconfigured');
  }
}

/** Why the softphone is not registered, and that it tries again when it does. */
function failureText(error: AppError, retrying: boolean): string {
  return retrying ? t('statusRetrying', errorText(error)) : errorText(error);
}

/** The toolbar button's tooltip: "VoIP Widget: " and the softphone's state. */
export function badgeTitleText(title: BadgeTitle): string {
  return `${t('extensionName')}: ${'key' in title ? t(title.key, title.params) : failureText(title.error, title.retrying)}`;
}
