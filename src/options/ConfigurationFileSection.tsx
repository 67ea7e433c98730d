import { useState } from 'preact/hooks';
import { request } from '../protocol/client';
import { t } from '../i18n';
import { downloadFile } from './download';

/** One file for all agents: caller ID, account (without password unless asked) and queues. */
export function ConfigurationFileSection() {
  const [includePassword, setIncludePassword] = useState(false);
  const [outcome, setOutcome] = useState<{ ok: boolean; lines: string[] } | null>(null);

  const exportFile = async (): Promise<void> => {
    const file = await request('background', 'exportConfiguration', { includePassword });
    downloadFile('voip-widget-settings.json', `${JSON.stringify(file, null, 2)}\n`);
  };
  const importFile = async (file: File | undefined): Promise<void> => {
    if (!file) return;
    const text = file.size > 1_000_000 ? '' : await file.text();
    const result = await request('background', 'importConfiguration', { file: text === '' ? null : text });
    setOutcome(result.ok ? { ok: true, lines: [t('importDone', result.sections.join(', ')), ...result.warnings] } : { ok: false, lines: result.errors });
  };

  return (
    <section aria-labelledby="file-heading" class="settings-section">
      <h2 id="file-heading">{t('fileHeading')}</h2>
      <p class="hint">{t('fileIntro')}</p>
      <div class="inline">
        <button type="button" onClick={() => void exportFile()}>
          {t('exportSettings')}
        </button>
        <input id="export-password" type="checkbox" checked={includePassword} onChange={(e) => setIncludePassword(e.currentTarget.checked)} />
        <label for="export-password">{t('exportIncludePassword')}</label>
      </div>
      <div class="field">
        <label for="import-file">{t('importSettings')}</label>
        <input id="import-file" type="file" accept="application/json,.json" onChange={(e) => void importFile(e.currentTarget.files?.[0])} />
      </div>
      {outcome && (
        <ul role={outcome.ok ? 'status' : 'alert'} class={outcome.ok ? 'import-ok' : 'error'} aria-label={t('importResult')}>
          {outcome.lines.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      )}
    </section>
  );
}
