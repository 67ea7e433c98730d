import type { TargetedEvent } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import type { Contact } from '../contacts/contact';
import type { ImportMode } from '../contacts/merge';
import { t } from '../i18n';
import { importOutcomeText, numberLabelText } from '../i18n/contactsText';
import { onBroadcast, request } from '../protocol/client';
import { type ContactSearchResult, type EditedContact, MAX_IMPORT_CHARS } from '../protocol/contacts';
import { handOver } from '../storage/importFiles';
import { downloadFile } from '../ui/download';
import { ContactEditor } from './ContactEditor';

const NEW_CONTACT: EditedContact = { id: null, name: '', company: '', numbers: [{ label: 'work', value: '' }] };

/**
 * The local address book: import (add and merge, or replace), export, and the contacts to edit.
 * The file is read and stored by the softphone's document; this page only sends it and shows
 * the progress, so it never freezes, however long the file.
 */
export function ContactsSection() {
  const [mode, setMode] = useState<ImportMode>('merge');
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [outcome, setOutcome] = useState<{ ok: boolean; text: string } | null>(null);
  const [query, setQuery] = useState('');
  const [found, setFound] = useState<ContactSearchResult | null>(null);
  const [editing, setEditing] = useState<EditedContact | null>(null);
  const [changes, setChanges] = useState(0);

  useEffect(
    () =>
      onBroadcast((message) => {
        if (message.event === 'contactsImport') setProgress({ done: message.done, total: message.total });
        if (message.event === 'contactsChanged') setChanges((n) => n + 1);
      }),
    [],
  );
  useEffect(() => {
    let current = true;
    void request('background', 'searchContacts', { query, limit: 50 }).then((result) => current && setFound(result));
    return () => {
      current = false;
    };
  }, [query, changes]);

  const pickFile = async (event: TargetedEvent<HTMLInputElement>): Promise<void> => {
    const file = event.currentTarget.files?.[0];
    event.currentTarget.value = '';
    if (!file) return;
    if (file.size > MAX_IMPORT_CHARS) return setOutcome({ ok: false, text: t('contactsErrorTooLarge') });
    setOutcome(null);
    setProgress({ done: 0, total: 0 });
    try {
      // Handed over through IndexedDB: as a message, a big file's text would freeze this page and the softphone.
      const fileId = await handOver(file).catch(() => null);
      const result = await request('background', 'importContacts', fileId === null ? { text: await file.text(), mode } : { fileId, mode });
      setOutcome({ ok: result.ok, text: importOutcomeText(result) });
    } finally {
      setProgress(null);
    }
  };
  const exportBook = async (): Promise<void> => {
    const { text } = await request('background', 'exportContacts', {});
    downloadFile('contacts.vcf', text, 'text/vcard');
  };
  const remove = async (contact: Contact): Promise<void> => {
    const result = await request('background', 'deleteContact', { id: contact.id });
    setOutcome(result.ok ? { ok: true, text: t('contactsDeleted') } : { ok: false, text: t('contactsErrorStorage') });
  };

  return (
    <section aria-labelledby="contacts-heading" class="settings-section">
      <h2 id="contacts-heading">{t('contactsHeading')}</h2>
      <p class="hint">{t('contactsIntro')}</p>
      <fieldset class="field">
        <legend>{t('contactsImportMode')}</legend>
        {(['merge', 'replace'] as const).map((m) => (
          <div class="inline" key={m}>
            <input id={`contacts-mode-${m}`} type="radio" name="contacts-mode" checked={mode === m} onChange={() => setMode(m)} />
            <label for={`contacts-mode-${m}`}>{m === 'merge' ? t('contactsImportMerge') : t('contactsImportReplace')}</label>
          </div>
        ))}
      </fieldset>
      <div class="field">
        <label for="contacts-file">{t('contactsImportFile')}</label>
        <input id="contacts-file" type="file" accept=".vcf,.vcard,.csv,text/vcard,text/csv" disabled={progress !== null} onChange={(e) => void pickFile(e)} />
      </div>
      {progress && <ImportProgress done={progress.done} total={progress.total} />}
      {outcome && (
        <p role={outcome.ok ? 'status' : 'alert'} class={outcome.ok ? 'import-ok' : 'error'}>
          {outcome.text}
        </p>
      )}
      <div class="inline">
        <button type="button" onClick={() => void exportBook()}>
          {t('contactsExport')}
        </button>
        <button type="button" onClick={() => setEditing(NEW_CONTACT)}>
          {t('contactsNew')}
        </button>
      </div>
      {editing && (
        <ContactEditor
          key={editing.id ?? 'new'}
          contact={editing}
          onDone={(saved) => (setEditing(null), saved !== null && setOutcome({ ok: true, text: t('contactsSaved') }))}
        />
      )}
      <div class="field">
        <label for="contacts-search">{t('contactsSearch')}</label>
        <input id="contacts-search" type="search" value={query} onInput={(e) => setQuery(e.currentTarget.value)} />
        {found && <small class="hint">{t('contactsCount', found.total.toLocaleString())}</small>}
      </div>
      <ul class="contact-list" aria-label={t('contactsHeading')}>
        {found?.contacts.map((c) => (
          <li key={`${c.sourceId}:${c.id}`}>
            <span class="contact-name">{c.name}</span>
            {c.company && <span class="contact-company"> · {c.company}</span>}
            <span class="contact-numbers">
              {c.numbers.map((n) => (
                <span key={n.value}>
                  {' '}
                  {numberLabelText(n.label)} {n.value}
                </span>
              ))}
            </span>
            {c.sourceId === 'local' && (
              <>
                {' '}
                <button
                  type="button"
                  aria-label={t('contactsEdit', c.name)}
                  onClick={() => setEditing({ id: c.id, name: c.name, company: c.company, numbers: c.numbers })}
                >
                  {t('contactsEditButton')}
                </button>{' '}
                <button type="button" aria-label={t('contactsDelete', c.name)} onClick={() => void remove(c)}>
                  {t('contactsDeleteButton')}
                </button>
              </>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}

/** How far the file's reading is: a bar with the entries read, or an indeterminate one before the first count. */
function ImportProgress({ done, total }: { done: number; total: number }) {
  const known = total > 0;
  const share = known ? Math.min(100, (done / total) * 100) : 0;
  return (
    <div
      class={known ? 'import-progress' : 'import-progress indeterminate'}
      role="progressbar"
      aria-label={t('contactsImporting')}
      aria-valuemin={0}
      aria-valuemax={known ? total : undefined}
      aria-valuenow={known ? done : undefined}
      aria-valuetext={known ? t('contactsImportProgress', [done.toLocaleString(), total.toLocaleString()]) : undefined}
    >
      <div class="import-progress-bar" style={known ? { width: `${share}%` } : undefined} />
    </div>
  );
}
