import { useEffect, useState } from 'preact/hooks';
import { type AfterCallSettings, webhookOriginPattern } from '../aftercall/settings';
import { t } from '../i18n';
import { afterCallErrorText } from '../i18n/settingsText';
import { request } from '../protocol/client';
import { storageKeys } from '../storage/keys';
import { OutboxLine } from '../ui/OutboxLine';
import { policyLocks } from '../ui/PolicyNote';
import { useWithPolicy } from '../ui/usePolicy';
import { Field } from './Field';
import { SiteAccess } from './SiteAccess';

interface Draft {
  dispositions: string;
  dispositionRequired: boolean;
  wrapUpSeconds: string;
  wrapUpAfter: AfterCallSettings['wrapUpAfter'];
  webhookUrl: string;
}

const draftOf = (s: AfterCallSettings): Draft => ({ ...s, dispositions: s.dispositions.join('\n'), wrapUpSeconds: String(s.wrapUpSeconds) });

/** Dispositions, wrap-up and the webhook that receives each finished call. */
export function AfterCallSection() {
  const { value: stored, locked } = useWithPolicy('afterCallSettings', storageKeys.afterCallSettings);
  const { lock, note } = policyLocks<keyof AfterCallSettings>(locked);
  const [draft, setDraft] = useState<Draft>(draftOf(stored));
  // A policy's webhook comes without its site's grant (and an agent may take back their own).
  const webhookPattern = webhookOriginPattern(stored.webhookUrl);
  const [edited, setEdited] = useState(false);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  useEffect(() => {
    if (!edited) setDraft(draftOf(stored));
  }, [stored]);
  const change = (patch: Partial<Draft>): void => {
    setEdited(true);
    setDraft({ ...draft, ...patch });
  };

  const save = async (): Promise<void> => {
    setMessage(null);
    const seconds = draft.wrapUpSeconds.trim() === '' ? 0 : Number(draft.wrapUpSeconds);
    const settings = {
      // Blank lines are spacing, not empty dispositions.
      dispositions: draft.dispositions
        .split('\n')
        .map((line) => line.trim())
        .filter(Boolean),
      dispositionRequired: draft.dispositionRequired,
      wrapUpSeconds: seconds,
      wrapUpAfter: draft.wrapUpAfter,
      webhookUrl: draft.webhookUrl.trim(),
    };
    // The browser asks for the webhook's site only, on this click (a permission needs the agent's gesture).
    // The policy's webhook has its own Allow access button: saving the other fields does not wait on it.
    const pattern = locked.has('webhookUrl') ? null : webhookOriginPattern(settings.webhookUrl);
    if (pattern !== null) {
      const granted = await chrome.permissions.request({ origins: [pattern] }).catch(() => false);
      if (!granted) {
        setMessage({ ok: false, text: t('afterCallPermissionDenied', new URL(settings.webhookUrl).origin) });
        return;
      }
    }
    const result = await request('background', 'saveAfterCallSettings', { settings });
    if (result.ok) {
      setEdited(false);
      setMessage({ ok: true, text: t('afterCallSaved') });
    } else setMessage({ ok: false, text: result.errors.map(afterCallErrorText).join(' ') });
  };

  return (
    <section aria-labelledby="aftercall-heading" class="settings-section">
      <h2 id="aftercall-heading">{t('afterCallTitle')}</h2>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <div class="field">
          <label for="aftercall-dispositions">{t('afterCallDispositions')}</label>
          <textarea
            id="aftercall-dispositions"
            rows={4}
            value={draft.dispositions}
            onInput={(e) => change({ dispositions: e.currentTarget.value })}
            {...lock('dispositions', 'aftercall-dispositions')}
          />
          {note('dispositions', 'aftercall-dispositions')}
        </div>
        <div class="field checkbox">
          <input
            id="aftercall-required"
            type="checkbox"
            checked={draft.dispositionRequired}
            onChange={(e) => change({ dispositionRequired: e.currentTarget.checked })}
            {...lock('dispositionRequired', 'aftercall-required')}
          />
          <label for="aftercall-required">{t('afterCallDispositionRequired')}</label>
          {note('dispositionRequired', 'aftercall-required')}
        </div>
        <div class="field">
          <label for="aftercall-wrapup">{t('afterCallWrapUpSeconds')}</label>
          <input
            id="aftercall-wrapup"
            type="number"
            min={0}
            max={600}
            step={1}
            value={draft.wrapUpSeconds}
            onInput={(e) => change({ wrapUpSeconds: e.currentTarget.value })}
            {...lock('wrapUpSeconds', 'aftercall-wrapup')}
          />
          {note('wrapUpSeconds', 'aftercall-wrapup')}
        </div>
        <div class="field">
          <label for="aftercall-after">{t('afterCallWrapUpAfter')}</label>
          <select
            id="aftercall-after"
            value={draft.wrapUpAfter}
            onChange={(e) => change({ wrapUpAfter: e.currentTarget.value === 'all' ? 'all' : 'queue' })}
            {...lock('wrapUpAfter', 'aftercall-after')}
          >
            <option value="queue">{t('afterCallWrapUpQueue')}</option>
            <option value="all">{t('afterCallWrapUpAll')}</option>
          </select>
          {note('wrapUpAfter', 'aftercall-after')}
          <p class="hint">{t('afterCallWrapUpHint')}</p>
        </div>
        <Field
          id="aftercall-webhook"
          label={t('afterCallWebhook')}
          type="url"
          inputMode="url"
          hint={t('afterCallWebhookHint')}
          locked={locked.has('webhookUrl')}
          value={draft.webhookUrl}
          onInput={(webhookUrl) => change({ webhookUrl })}
        >
          {webhookPattern !== null && (
            <SiteAccess
              pattern={webhookPattern}
              origin={new URL(stored.webhookUrl).origin}
              refusedText={t('afterCallAccessRefused', new URL(stored.webhookUrl).origin)}
            />
          )}
        </Field>
        <button type="submit">{t('afterCallSave')}</button>
      </form>
      {message && (
        <p role={message.ok ? 'status' : 'alert'} class={message.ok ? 'saved' : 'error'}>
          {message.text}
        </p>
      )}
      <OutboxLine />
    </section>
  );
}
