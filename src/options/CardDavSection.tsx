import { useState } from 'preact/hooks';
import {
  type CardDavInput,
  type CardDavInputProblem,
  type CardDavSource,
  type CardDavStatus,
  checkCardDavInput,
  idleStatus,
  originPattern,
  sameCardDavAccount,
} from '../contacts/carddav/sources';
import { checkRecordTemplate } from '../contacts/recordTemplate';
import { t } from '../i18n';
import { cardDavAddedText, cardDavCountText, cardDavErrorText, cardDavInputText } from '../i18n/cardDavText';
import { recordTemplateProblemText } from '../i18n/screenPopText';
import type { PolicyCardDavSource } from '../policy/fields';
import { request } from '../protocol/client';
import { storageKeys } from '../storage/keys';
import { PolicyNote } from '../ui/PolicyNote';
import { usePolicy } from '../ui/usePolicy';
import { useStoredValue } from '../ui/useStoredValue';
import { Field } from './Field';
import { SiteAccess } from './SiteAccess';

function sourceName(source: CardDavSource): string {
  return `${source.username} · ${new URL(source.url).host}`;
}

function SourceStatus({ source, status, templateLocked }: { source: CardDavSource; status: CardDavStatus; templateLocked: boolean }) {
  const [syncing, setSyncing] = useState(false);
  const headingId = `carddav-${source.id}-heading`;
  const syncNow = (): void => {
    setSyncing(true);
    void request('background', 'syncCardDav', { id: source.id }).finally(() => setSyncing(false));
  };
  return (
    <li>
      <article aria-labelledby={headingId} class="carddav-source">
        <h3 id={headingId}>{sourceName(source)}</h3>
        {source.managed && <PolicyNote id={`carddav-${source.id}-policy`} />}
        <p>{source.addressBooks.map((b) => b.displayName || new URL(b.url).pathname).join(', ')}</p>
        <p>{cardDavCountText(status.cards)}</p>
        <p>{status.lastSyncAt === null ? t('cardDavNeverSynced') : t('cardDavLastSync', new Date(status.lastSyncAt).toLocaleString())}</p>
        {status.skipped > 0 && <p class="hint">{t('cardDavSkipped', String(status.skipped))}</p>}
        {status.error && (
          <p role="alert" class="error">
            {cardDavErrorText(status.error)} {status.lastSyncAt !== null && t('cardDavKeptCopy')}
          </p>
        )}
        <button type="button" disabled={syncing || status.syncing} onClick={syncNow}>
          {syncing || status.syncing ? t('cardDavSyncing') : t('cardDavSyncNow')}
        </button>{' '}
        {!source.managed && (
          <button
            type="button"
            aria-label={t('cardDavRemoveNamed', sourceName(source))}
            onClick={() => void request('background', 'removeCardDavSource', { id: source.id })}
          >
            {t('cardDavRemove')}
          </button>
        )}
        <CardDavSiteAccess source={source} />
        {source.needsPassword && <PolicySourcePassword source={source} />}
        <SourceRecordTemplate source={source} locked={templateLocked} />
      </article>
    </li>
  );
}

/**
 * "Allow access to <site>" while the extension may not reach the source's server: an address
 * book the administrator's policy set comes without it (unless the policy grants it). Once
 * granted, the address book syncs.
 */
function CardDavSiteAccess({ source }: { source: CardDavSource }) {
  const origin = new URL(source.url).origin;
  return (
    <SiteAccess
      pattern={originPattern(source.url)}
      origin={origin}
      refusedText={t('cardDavAccessRefused', origin)}
      onGranted={() => void request('background', 'syncCardDav', { id: source.id })}
    />
  );
}

/** The agent's password for an address book the administrator's policy set without one. */
function PolicySourcePassword({ source }: { source: CardDavSource }) {
  const [password, setPassword] = useState('');
  const [missing, setMissing] = useState(false);
  const id = `carddav-${source.id}-password`;
  const save = (): void => {
    setMissing(password === '');
    if (password === '') return;
    void request('background', 'setCardDavPassword', { id: source.id, password }).then(() => setPassword(''));
  };
  return (
    <>
      <Field
        id={id}
        label={t('cardDavPolicyPassword')}
        hint={t('cardDavPolicyPasswordHint')}
        type="password"
        value={password}
        error={missing ? cardDavInputText('password_missing') : undefined}
        onInput={setPassword}
      />
      <button type="button" aria-label={t('cardDavSavePasswordNamed', sourceName(source))} onClick={save}>
        {t('cardDavSavePassword')}
      </button>
    </>
  );
}

/** The source's own record URL template, over the one under Screen-pop for its contacts. */
function SourceRecordTemplate({ source, locked }: { source: CardDavSource; locked: boolean }) {
  const [draft, setDraft] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<{ ok: boolean; text: string } | null>(null);
  const id = `carddav-${source.id}-record`;
  const save = async (): Promise<void> => {
    const template = (draft ?? source.recordUrlTemplate ?? '').trim();
    const checked = template === '' ? null : checkRecordTemplate(template);
    if (checked && !checked.ok) return setOutcome({ ok: false, text: recordTemplateProblemText(checked.problem) });
    const result = await request('background', 'saveCardDavRecordTemplate', { id: source.id, template });
    if (!result.ok) return setOutcome({ ok: false, text: recordTemplateProblemText(result.problem) });
    setDraft(null);
    setOutcome({ ok: true, text: t('recordTemplateSaved') });
  };
  return (
    <>
      <Field
        id={id}
        label={t('cardDavRecordTemplate')}
        hint={t('cardDavRecordTemplateHint')}
        value={draft ?? source.recordUrlTemplate ?? ''}
        error={outcome?.ok === false ? outcome.text : undefined}
        locked={locked}
        onInput={setDraft}
      />
      {!locked && (
        <button type="button" aria-label={t('cardDavRecordTemplateSaveNamed', sourceName(source))} onClick={() => void save()}>
          {t('recordTemplateSave')}
        </button>
      )}
      {outcome?.ok && <p role="status">{outcome.text}</p>}
    </>
  );
}

const emptyForm: CardDavInput = { url: '', username: '', password: '' };

/**
 * CardDAV address books: the agent adds a server (its bare URL is enough: the address books are
 * discovered), and sees each one's card count, last sync and last error. The service worker syncs.
 */
export function CardDavSection() {
  const sources = useStoredValue(storageKeys.cardDavSources);
  const statuses = useStoredValue(storageKeys.cardDavStatus);
  const policySources = (usePolicy().applied.cardDavSources?.sources as PolicyCardDavSource[] | undefined) ?? [];
  const [form, setForm] = useState<CardDavInput>(emptyForm);
  const [problem, setProblem] = useState<{ field: keyof CardDavInput; problem: CardDavInputProblem } | null>(null);
  const [message, setMessage] = useState<{ text: string; ok: boolean } | null>(null);
  const [adding, setAdding] = useState(false);

  const add = (event: Event): void => {
    event.preventDefault();
    const checked = checkCardDavInput(form);
    if (!checked.ok) {
      setProblem(checked);
      return;
    }
    setProblem(null);
    const origin = new URL(checked.url).origin;
    // The permission prompt needs the click's user gesture: it must be the first thing done.
    void chrome.permissions.request({ origins: [originPattern(checked.url)] }).then(async (granted) => {
      if (!granted) return setMessage({ text: t('cardDavPermissionRefused', origin), ok: false });
      setAdding(true);
      setMessage({ text: t('cardDavAdding'), ok: true });
      try {
        const result = await request('background', 'addCardDavSource', form);
        if (result.ok) {
          setForm(emptyForm);
          setMessage(
            result.status.error ? { text: cardDavErrorText(result.status.error), ok: false } : { text: cardDavAddedText(result.status.cards), ok: true },
          );
        } else if (result.field === 'server') setMessage({ text: cardDavErrorText(result.error), ok: false });
        else {
          setProblem(result);
          setMessage(null);
        }
      } finally {
        setAdding(false);
      }
    });
  };

  const field = (name: keyof CardDavInput, label: string, type: 'text' | 'password' = 'text') => (
    <Field
      id={`carddav-${name}`}
      label={label}
      type={type}
      value={form[name]}
      error={problem?.field === name ? cardDavInputText(problem.problem) : undefined}
      onInput={(value) => setForm({ ...form, [name]: value })}
    />
  );

  return (
    <section aria-labelledby="carddav-heading" class="settings-section">
      <h2 id="carddav-heading">{t('cardDavHeading')}</h2>
      <p class="hint">{t('cardDavIntro')}</p>
      {sources.length > 0 && (
        <ul class="carddav-sources">
          {sources.map((source) => (
            <SourceStatus
              key={source.id}
              source={source}
              status={statuses[source.id] ?? idleStatus}
              templateLocked={Boolean(source.managed && policySources.find((p) => sameCardDavAccount(p, source))?.recordUrlTemplate)}
            />
          ))}
        </ul>
      )}
      <form onSubmit={add} aria-label={t('cardDavAddHeading')}>
        <h3>{t('cardDavAddHeading')}</h3>
        {field('url', t('cardDavUrl'))}
        {field('username', t('cardDavUsername'))}
        {field('password', t('cardDavPassword'), 'password')}
        <button type="submit" disabled={adding}>
          {t('cardDavAdd')}
        </button>
      </form>
      <p role={message?.ok === false ? 'alert' : 'status'} class={message?.ok === false ? 'error' : 'save-status'}>
        {message?.text ?? ''}
      </p>
    </section>
  );
}
