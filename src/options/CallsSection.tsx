import { useState } from 'preact/hooks';
import { t } from '../i18n';
import { preferenceErrorText } from '../i18n/settingsText';
import type { PreferenceErrorCode } from '../settings';
import type { Preferences } from '../settings/preferences';
import { policyLocks, policyNoteId } from '../ui/PolicyNote';
import { usePreferences } from '../ui/usePreferences';

/** How calls behave: call waiting, declining, tones, voicemail. Each change is saved at once. */
export function CallsSection() {
  const [preferences, update, locked] = usePreferences();
  const { lock, note } = policyLocks<keyof Preferences>(locked);
  const [voicemail, setVoicemail] = useState<string | null>(null);
  const [errors, setErrors] = useState<PreferenceErrorCode[]>([]);
  const save = async (patch: Parameters<typeof update>[0]): Promise<void> => setErrors(await update(patch));

  return (
    <section aria-labelledby="calls-heading" class="settings-section">
      <h2 id="calls-heading">{t('callsHeading')}</h2>
      <div class="field checkbox">
        <input
          id="pref-call-waiting"
          type="checkbox"
          checked={preferences.callWaiting}
          {...lock('callWaiting', 'pref-call-waiting')}
          onChange={(e) => void save({ callWaiting: e.currentTarget.checked })}
        />
        <label for="pref-call-waiting">{t('prefCallWaiting')}</label>
        {note('callWaiting', 'pref-call-waiting')}
      </div>
      <div class="field checkbox">
        <input id="pref-dnd" type="checkbox" checked={preferences.doNotDisturb} onChange={(e) => void save({ doNotDisturb: e.currentTarget.checked })} />
        <label for="pref-dnd">{t('doNotDisturb')}</label>
      </div>
      <div class="field">
        <label for="pref-decline">{t('prefDeclineWith')}</label>
        <select
          id="pref-decline"
          value={String(preferences.declineWith)}
          {...lock('declineWith', 'pref-decline')}
          onChange={(e) => void save({ declineWith: e.currentTarget.value === '603' ? 603 : 486 })}
        >
          <option value="486">{t('prefDecline486')}</option>
          <option value="603">{t('prefDecline603')}</option>
        </select>
        {note('declineWith', 'pref-decline')}
      </div>
      <div class="field">
        <label for="pref-dtmf">{t('prefDtmf')}</label>
        <select
          id="pref-dtmf"
          value={preferences.dtmfMethod}
          {...lock('dtmfMethod', 'pref-dtmf')}
          onChange={(e) => void save({ dtmfMethod: e.currentTarget.value === 'info' ? 'info' : 'rfc4733' })}
        >
          <option value="rfc4733">{t('prefDtmfRfc4733')}</option>
          <option value="info">{t('prefDtmfInfo')}</option>
        </select>
        {note('dtmfMethod', 'pref-dtmf')}
      </div>
      <form
        class="field"
        onSubmit={(e) => {
          e.preventDefault();
          void save({ voicemailNumber: voicemail ?? preferences.voicemailNumber }).then(() => setVoicemail(null));
        }}
      >
        <label for="pref-voicemail">{t('prefVoicemailNumber')}</label>
        <div class="inline">
          <input
            id="pref-voicemail"
            type="text"
            inputMode="tel"
            value={locked.has('voicemailNumber') ? preferences.voicemailNumber : (voicemail ?? preferences.voicemailNumber)}
            readOnly={locked.has('voicemailNumber')}
            aria-describedby={policyNoteId('pref-voicemail', locked.has('voicemailNumber'))}
            onInput={(e) => setVoicemail(e.currentTarget.value)}
          />
          <button type="submit" disabled={locked.has('voicemailNumber')}>
            {t('save')}
          </button>
        </div>
        {note('voicemailNumber', 'pref-voicemail')}
      </form>
      {errors.length > 0 && (
        <p role="alert" class="error">
          {errors.map(preferenceErrorText).join(' ')}
        </p>
      )}
    </section>
  );
}
