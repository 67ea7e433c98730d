import type { RegistrationSnapshot } from '../calls/snapshot';
import { t } from '../i18n';

/** The registration state in the agent's words (and language). */
export function registrationText(registration: RegistrationSnapshot): string {
  switch (registration.state) {
    case 'registered':
      return t('statusReady', registration.account ?? '');
    case 'connecting':
      return registration.error ? t('statusRetrying', registration.error.message) : t('statusConnecting');
    case 'registering':
      return t('statusRegistering');
    case 'failed':
      return registration.error?.message ?? t('statusFailed');
    case 'disabled':
      return t('statusDisabled');
    case 'unconfigured':
      return t('statusUnconfigured');
  }
}
