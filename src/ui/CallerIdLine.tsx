import { t } from '../i18n';
import { callerIdProblemText } from '../i18n/errorText';
import type { ResolvedCallerId } from '../protocol/callerId';

function reason({ result, rulePrefix }: ResolvedCallerId): string {
  if (result.kind !== 'external') return '';
  if (result.source === 'rule') return t('callerIdReasonRule', [String((result.ruleIndex ?? 0) + 1), rulePrefix ?? '']);
  return result.source === 'user' ? t('callerIdReasonUser') : t('callerIdReasonDefault');
}

/** "Callee sees +3225551234 · rule 2: 0044", "Internal call", or why the number cannot be called. */
export function CallerIdLine({ resolved }: { resolved: ResolvedCallerId | null }) {
  const text =
    resolved === null
      ? ''
      : resolved.result.kind === 'external'
        ? t('callerIdLine', [resolved.result.callerId, reason(resolved)])
        : resolved.result.kind === 'internal'
          ? t('callerIdInternal')
          : callerIdProblemText(resolved.result.error);
  return (
    <p class={`caller-id caller-id-${resolved?.result.kind ?? 'none'}`} role="status" aria-live="polite" aria-label={t('callerIdLabel')}>
      {text}
    </p>
  );
}
