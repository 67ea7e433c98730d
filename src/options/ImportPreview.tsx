import { type MessageKey, t } from '../i18n';
import { type ImportChange, movesAccount } from '../settings/configurationFile';

const sectionLabel: Record<ImportChange['section'], MessageKey> = {
  account: 'accountHeading',
  callerId: 'callerIdHeading',
  queues: 'queuesHeading',
  afterCall: 'afterCallTitle',
  colleagues: 'colleaguesHeading',
  contacts: 'contactsHeading',
};

const fieldLabel: Record<string, MessageKey> = {
  username: 'fieldUsername',
  password: 'fieldPassword',
  domain: 'fieldDomain',
  websocketUrl: 'fieldWebsocketUrl',
  displayName: 'fieldDisplayName',
  iceServers: 'fieldIceServers',
  enabled: 'fieldEnabled',
  defaultOutgoingNumber: 'callerIdDefaultNumber',
  incomingNumbers: 'callerIdIncomingNumbers',
  userOutgoingNumber: 'callerIdUserNumber',
  advancedRules: 'callerIdRules',
  applyRulesToAllUsers: 'callerIdApplyToAll',
  homeCountry: 'callerIdHomeCountry',
  queues: 'queuesHeading',
  reminder: 'queueReminderTime',
  colleagues: 'colleaguesListLabel',
  quickCalls: 'quickCallsLabel',
  pickupCode: 'pickupCodeLabel',
  cardDavSources: 'cardDavHeading',
  crmLookupUrl: 'crmUrl',
  screenPop: 'screenPop',
  recordUrlTemplate: 'recordTemplate',
  unknownCallers: 'screenPopUnknownCallers',
};

const screenPopModes: Record<string, MessageKey> = { off: 'screenPopOff', answer: 'screenPopAnswer', ring: 'screenPopRing' };

function shownValue(change: ImportChange, value: string): string {
  const mode = change.field === 'screenPop' ? screenPopModes[value] : undefined;
  return mode ? t(mode) : shown(value);
}

function shown(value: string): string {
  if (value === 'on') return t('importOn');
  if (value === 'off') return t('importOff');
  return value === '' ? t('importValueNone') : value;
}

export interface ImportPreviewProps {
  changes: ImportChange[];
  warnings: string[];
  onApply(): void;
  onCancel(): void;
}

/**
 * What an import would change, shown before anything is written: the agent applies it or not. A
 * file that moves the SIP account elsewhere says so first, in words.
 */
export function ImportPreview({ changes, warnings, onApply, onCancel }: ImportPreviewProps) {
  return (
    <section class="import-preview" aria-label={t('importPreviewLabel')}>
      <h3>{t('importPreviewHeading')}</h3>
      {movesAccount(changes) && (
        <p role="alert" class="error">
          {t('importPreviewMovesAccount')}
        </p>
      )}
      {changes.length === 0 ? (
        <p>{t('importPreviewNothing')}</p>
      ) : (
        <ul class="import-changes">
          {changes.map((change) => (
            <li key={`${change.section}.${change.field}`}>
              <strong>
                {t(sectionLabel[change.section])} · {fieldLabel[change.field] ? t(fieldLabel[change.field]!) : change.field}
              </strong>
              {': '}
              {change.field === 'password' ? t('importPasswordChanged') : `${shownValue(change, change.before)} → ${shownValue(change, change.after)}`}
            </li>
          ))}
        </ul>
      )}
      {warnings.length > 0 && (
        <ul class="hint">
          {warnings.map((warning) => (
            <li key={warning}>{warning}</li>
          ))}
        </ul>
      )}
      <div class="form-actions">
        <button type="button" class="primary" onClick={onApply}>
          {t('importApply')}
        </button>
        <button type="button" onClick={onCancel}>
          {t('cancel')}
        </button>
      </div>
    </section>
  );
}
