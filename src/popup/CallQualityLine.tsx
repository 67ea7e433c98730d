import type { CallQuality } from '../calls/callQuality';
import { t } from '../i18n';

const LEVEL = { good: 'qualityGood', fair: 'qualityFair', poor: 'qualityPoor' } as const;

/** How the line sounds, and a warning when audio flows one way only (unless `explained` by a media problem shown beside it). */
export function CallQualityLine({ quality, explained = false }: { quality: CallQuality | null | undefined; explained?: boolean }) {
  if (!quality) return null;
  return (
    <>
      <p class={`call-quality quality-${quality.level}`} role="status" aria-label={t('qualityLabel')}>
        <span class="quality-dot" aria-hidden="true" />
        {t(LEVEL[quality.level])}
      </p>
      {quality.silentSide && !explained && (
        <p class="call-warning" role="alert">
          {t(quality.silentSide === 'remote' ? 'oneWayRemote' : 'oneWayLocal')}
        </p>
      )}
    </>
  );
}
