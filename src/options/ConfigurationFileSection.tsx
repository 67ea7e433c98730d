import type { TargetedEvent } from 'preact';
import { useState } from 'preact/hooks';
import { webhookOriginPattern } from '../aftercall/settings';
import { t } from '../i18n';
import { configurationFileIssueText } from '../i18n/settingsText';
import { request } from '../protocol/client';
import type { ConfigurationFileIssue, ImportChange } from '../settings/configurationFile';
import { contactsOriginsNeeded, parseContactsSection } from '../settings/contactsSection';
import { downloadFile } from '../ui/download';
import { ImportPreview } from './ImportPreview';

function webhookOfFile(text: string): string {
  try {
    const url = (JSON.parse(text) as { afterCall?: { webhookUrl?: unknown } }).afterCall?.webhookUrl;
    return typeof url === 'string' ? url : '';
  } catch {
    return '';
  }
}

/** The sites the file's CardDAV address books and lookup URL need access to. */
function contactOriginsOfFile(text: string): string[] {
  try {
    const parsed = parseContactsSection((JSON.parse(text) as { contacts?: unknown }).contacts);
    return parsed.ok ? contactsOriginsNeeded(parsed.value) : [];
  } catch {
    return [];
  }
}

interface PendingImport {
  text: string;
  changes: ImportChange[];
  warnings: ConfigurationFileIssue[];
}

/**
 * One file for all agents: caller ID, account (without password unless asked) and queues. An
 * imported file is checked and its changes shown first; nothing is written until the agent applies it.
 */
export function ConfigurationFileSection() {
  const [includePassword, setIncludePassword] = useState(false);
  const [outcome, setOutcome] = useState<{ ok: boolean; lines: string[] } | null>(null);
  const [pending, setPending] = useState<PendingImport | null>(null);

  const exportFile = async (): Promise<void> => {
    const file = await request('background', 'exportConfiguration', { includePassword });
    downloadFile('voip-widget-settings.json', `${JSON.stringify(file, null, 2)}\n`);
  };
  const pickFile = async (event: TargetedEvent<HTMLInputElement>): Promise<void> => {
    const file = event.currentTarget.files?.[0];
    event.currentTarget.value = '';
    setPending(null);
    if (!file) return;
    const text = file.size > 1_000_000 ? '' : await file.text();
    const preview = await request('background', 'previewConfiguration', { file: text === '' ? null : text });
    if (!preview.ok) return setOutcome({ ok: false, lines: preview.errors.map(configurationFileIssueText) });
    setOutcome(null);
    setPending({ text, changes: preview.changes, warnings: preview.warnings });
  };
  const apply = async (text: string): Promise<void> => {
    setPending(null);
    // The sites the file needs (its webhook, CardDAV servers, lookup URL) are asked for here, in one
    // prompt, on the agent's Apply click. Without the webhook's the import stops; without the
    // others, what needs them is left out (the service worker checks each grant and says so).
    const pattern = webhookOriginPattern(webhookOfFile(text));
    const contactOrigins = contactOriginsOfFile(text);
    const origins = [...(pattern === null ? [] : [pattern]), ...contactOrigins];
    const granted = origins.length === 0 || (await chrome.permissions.request({ origins }).catch(() => false));
    if (pattern !== null && !granted) {
      setOutcome({ ok: false, lines: [t('afterCallPermissionDenied', pattern)] });
      return;
    }
    const result = await request('background', 'importConfiguration', { file: text });
    setOutcome(
      result.ok
        ? { ok: true, lines: [t('importDone', result.sections.join(', ')), ...result.warnings.map(configurationFileIssueText)] }
        : { ok: false, lines: result.errors.map(configurationFileIssueText) },
    );
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
        <input id="import-file" type="file" accept="application/json,.json" onChange={(e) => void pickFile(e)} />
      </div>
      {pending && (
        <ImportPreview
          changes={pending.changes}
          warnings={pending.warnings.map(configurationFileIssueText)}
          onApply={() => void apply(pending.text)}
          onCancel={() => (setPending(null), setOutcome({ ok: true, lines: [t('importCancelled')] }))}
        />
      )}
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
