import type { TargetedEvent } from 'preact';
import { useState } from 'preact/hooks';
import type { CallSnapshot } from '../calls/snapshot';
import { t } from '../i18n';
import { useShortcuts, withShortcut } from '../ui/useShortcuts';
import { ColleaguePicker } from './ColleaguesTab';
import type { CallCommands } from './callCommands';
import { TransferContacts } from './TransferContacts';

const DTMF_KEYS = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '*', '0', '#'];

type SubPanel = 'dtmf' | 'transfer' | 'add' | null;

/** In-call controls: mute, hold, DTMF keypad, blind and attended transfer, a second call to merge into a conference, hang up. */
export function CallControls({ call, others, commands }: { call: CallSnapshot; others: CallSnapshot[]; commands: CallCommands }) {
  const [panel, setPanel] = useState<SubPanel>(null);
  const shortcuts = useShortcuts();
  const [target, setTarget] = useState('');
  const [sent, setSent] = useState('');
  const established = call.state === 'active';
  const toggle = (next: SubPanel): void => setPanel(panel === next ? null : next);
  const canConsult = others.length === 0;

  const transferTo = (to: string, attended: boolean): void => {
    if (attended) commands.consult(call.id, to);
    else commands.transfer(call.id, to);
    setTarget('');
    setPanel(null);
  };
  const submitTransfer = (event: TargetedEvent<HTMLFormElement, SubmitEvent>): void => {
    event.preventDefault();
    if (target.trim() === '') return;
    transferTo(target, panel === 'add' || (event.submitter as HTMLButtonElement | null)?.value === 'consult');
  };

  return (
    <>
      <div class="call-controls" role="group" aria-label={t('callControlsLabel')}>
        <button
          type="button"
          aria-pressed={call.muted}
          disabled={!established}
          title={withShortcut(t('mute'), shortcuts['toggle-mute'])}
          onClick={() => commands.setMuted(call.id, !call.muted)}
        >
          {t('mute')}
        </button>
        <button
          type="button"
          aria-pressed={call.held}
          disabled={!established}
          title={withShortcut(t('hold'), shortcuts['toggle-hold'])}
          onClick={() => commands.setHeld(call.id, !call.held)}
        >
          {t('hold')}
        </button>
        <button type="button" aria-expanded={panel === 'dtmf'} disabled={!established} onClick={() => toggle('dtmf')}>
          {t('dtmfKeypad')}
        </button>
        <button type="button" aria-expanded={panel === 'transfer'} disabled={!established} onClick={() => toggle('transfer')}>
          {t('transfer')}
        </button>
        <button type="button" aria-expanded={panel === 'add'} disabled={!established || !canConsult} onClick={() => toggle('add')}>
          {t('addCall')}
        </button>
      </div>
      {panel === 'dtmf' && (
        <div class="dtmf" role="group" aria-label={t('dtmfKeypadLabel')}>
          <output aria-label={t('dtmfSent')}>{sent}</output>
          <div class="digits">
            {DTMF_KEYS.map((key) => (
              <button
                type="button"
                class="digit"
                key={key}
                aria-label={t('sendTone', key)}
                onClick={() => {
                  commands.sendDtmf(call.id, key);
                  setSent((s) => (s + key).slice(-24));
                }}
              >
                {key}
              </button>
            ))}
          </div>
        </div>
      )}
      {panel === 'transfer' && (
        <form class="transfer" onSubmit={submitTransfer}>
          <input
            type="tel"
            aria-label={t('transferTarget')}
            placeholder={t('numberPlaceholder')}
            value={target}
            onInput={(e) => setTarget(e.currentTarget.value)}
            autoFocus
          />
          <ColleaguePicker onPick={setTarget} />
          <button type="submit" value="blind">
            {t('transferNow')}
          </button>
          {canConsult && (
            <button type="submit" value="consult">
              {t('consultFirst')}
            </button>
          )}
        </form>
      )}
      {panel === 'transfer' && <TransferContacts query={target} canConsult={canConsult} onTransfer={transferTo} />}
      {panel === 'add' && (
        <form class="transfer" onSubmit={submitTransfer}>
          <input
            type="tel"
            aria-label={t('addCallTarget')}
            placeholder={t('numberPlaceholder')}
            value={target}
            onInput={(e) => setTarget(e.currentTarget.value)}
            autoFocus
          />
          <button type="submit">{t('addCallNow')}</button>
        </form>
      )}
      <div class="call-actions">
        <button type="button" class="hangup-button" title={withShortcut(t('hangUp'), shortcuts['hang-up'])} onClick={() => commands.hangup(call.id)} autoFocus>
          {t('hangUp')}
        </button>
      </div>
    </>
  );
}
