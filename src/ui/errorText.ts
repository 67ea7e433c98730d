import type { AppError } from '../calls/errors';
import { t } from '../i18n';

/** An error in the agent's language, from its code and parameters. */
export function errorText(error: AppError): string {
  const [first = '', second = ''] = error.params ?? [];
  switch (error.code) {
    case 'auth_failed':
      return t('errorAuthFailed');
    case 'unreachable':
      return first.startsWith('wss:') ? t('errorUnreachableSecure', first) : t('errorUnreachable', first);
    case 'timeout':
      return error.params ? t('errorTimeout', first) : error.message;
    case 'registration_refused':
      return t('errorRegistrationRefused', [first, second]);
    case 'transfer_failed':
      if (!error.params) return error.message;
      return second ? t('errorTransferFailedStatus', [first, second]) : t('errorTransferFailed', first);
    default:
      return error.message;
  }
}

/** The https:// page of a wss:// server, where the agent can see and accept its certificate. */
export function certificatePage(error: AppError | null): string | null {
  const url = error?.code === 'unreachable' ? error.params?.[0] : undefined;
  if (!url?.startsWith('wss:')) return null;
  try {
    const { host } = new URL(url);
    return `https://${host}/`;
  } catch {
    return null;
  }
}
