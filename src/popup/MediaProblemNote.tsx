import { useState } from 'preact/hooks';
import type { MediaReport } from '../calls/mediaDiagnosis';
import { t } from '../i18n';
import { mediaProblemText } from '../i18n/mediaText';

/** Why the call's audio cannot work, and the far end's SDP lines at fault, to copy for support. */
export function MediaProblemNote({ report }: { report: MediaReport | null | undefined }) {
  const [copied, setCopied] = useState(false);
  if (!report || report.problems.length === 0) return null;
  const forSupport = [`media: ${report.problems.join(', ')}`, ...report.details].join('\n');
  const copy = async (): Promise<void> => {
    await navigator.clipboard.writeText(forSupport);
    setCopied(true);
  };
  return (
    <div class="media-problem">
      <p class="call-warning" role="alert">
        {report.problems.map(mediaProblemText).join(' ')}
      </p>
      {report.details.length > 0 && (
        <details>
          <summary>{t('mediaDetails')}</summary>
          <pre class="media-details" role="region" aria-label={t('mediaDetails')}>
            {report.details.join('\n')}
          </pre>
          <button type="button" class="link-button" onClick={() => void copy()}>
            {copied ? t('mediaCopied') : t('mediaCopy')}
          </button>
        </details>
      )}
    </div>
  );
}
