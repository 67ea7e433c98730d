import type { RegistrationSnapshot } from '../calls/snapshot';
import { t } from '../i18n';
import { errorText } from '../i18n/errorText';

/** The registration state in the agent's words (and language). */
export function registrationText(registration: RegistrationSnapshot): string {
  switch (registration.state) {
    case 'registered':
      return t('statusReady', registration.account ?? '');
    case 'connecting':
      return registration.error ? t('statusRetrying', errorText(registration.error)) : t('statusConnecting');
    case 'registering':
      return t('statusRegistering');
    case 'failed':
      if (!registration.error) return t('statusFailed');
      return registration.retryAt ? t('statusRetrying', errorText(registration.error)) : errorText(registration.error);
    case 'disabled':
      return t('statusDisabled');
    case 'unconfigured':
      return t('statusUnconfigured');
  }
}
