import { SHORTCUT_COMMANDS, type ShortcutCommand } from '../calls/shortcuts';
import { type MessageKey, t } from '../i18n';
import { useShortcuts } from '../ui/useShortcuts';

const DESCRIPTIONS: Record<ShortcutCommand, MessageKey> = {
  'answer-call': 'shortcutAnswer',
  'decline-call': 'shortcutDecline',
  'hang-up': 'shortcutHangUp',
  'toggle-mute': 'shortcutMute',
  'toggle-hold': 'shortcutHold',
};

/** The browser-wide shortcuts and the keys they have now; the browser's own page changes them. */
export function ShortcutsSection() {
  const keys = useShortcuts();
  return (
    <section aria-labelledby="shortcuts-heading" class="settings-section">
      <h2 id="shortcuts-heading">{t('shortcutsHeading')}</h2>
      <p>{t('shortcutsIntro')}</p>
      <table class="shortcuts">
        <thead>
          <tr>
            <th scope="col">{t('shortcutsAction')}</th>
            <th scope="col">{t('shortcutsKey')}</th>
          </tr>
        </thead>
        <tbody>
          {SHORTCUT_COMMANDS.map((command) => (
            <tr key={command}>
              <th scope="row">{t(DESCRIPTIONS[command])}</th>
              <td>{keys[command] ? <kbd>{keys[command]}</kbd> : t('shortcutNotSet')}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
