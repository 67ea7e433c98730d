import { render } from 'preact';
import { t } from '../i18n';
import { AccountSection } from './AccountSection';
import { AfterCallSection } from './AfterCallSection';
import { CallerIdSection } from './CallerIdSection';
import { CallsSection } from './CallsSection';
import { CardDavSection } from './CardDavSection';
import { ClickToCallSection } from './ClickToCallSection';
import { ColleaguesSection } from './ColleaguesSection';
import { ConfigurationFileSection } from './ConfigurationFileSection';
import { ContactsSection } from './ContactsSection';
import { CrmLookupSection } from './CrmLookupSection';
import { DevicesSection } from './DevicesSection';
import { PolicySection } from './PolicySection';
import { QueuesSection } from './QueuesSection';
import { ScreenPopSection } from './ScreenPopSection';
import { ShortcutsSection } from './ShortcutsSection';
import './options.css';

/** Each settings section is one self-contained component; adding one touches this list. */
const sections = [
  PolicySection,
  AccountSection,
  CallerIdSection,
  CallsSection,
  DevicesSection,
  ShortcutsSection,
  QueuesSection,
  CardDavSection,
  AfterCallSection,
  ColleaguesSection,
  ClickToCallSection,
  ContactsSection,
  CrmLookupSection,
  ScreenPopSection,
  ConfigurationFileSection,
];

function Options() {
  return (
    <main class="options">
      <h1>{t('settingsTitle')}</h1>
      {sections.map((Section) => (
        <Section key={Section.name} />
      ))}
    </main>
  );
}

render(<Options />, document.getElementById('app')!);
