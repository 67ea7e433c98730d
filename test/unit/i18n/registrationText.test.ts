import { beforeAll, expect, test } from 'vitest';
import { badgeFor } from '../../../src/calls/badge';
import { appError, registrationRefused } from '../../../src/calls/errors';
import type { RegistrationSnapshot, SoftphoneSnapshot } from '../../../src/calls/snapshot';
import { badgeTitleText, registrationText } from '../../../src/i18n/registrationText';
import { installEnglish } from './englishMessages';

beforeAll(installEnglish);

const refused = registrationRefused(503, 'Service Unavailable');

test.each<[RegistrationSnapshot, string]>([
  [{ state: 'registered', account: '101@pbx.example', error: null }, 'Ready · 101@pbx.example'],
  [{ state: 'connecting', account: null, error: null }, 'Connecting…'],
  [{ state: 'connecting', account: null, error: appError('auth_failed') }, 'Wrong username or password · retrying'],
  [{ state: 'failed', account: null, error: refused, retryAt: 1_000 }, 'The PBX refused the registration: 503 Service Unavailable · retrying'],
  [{ state: 'failed', account: null, error: refused, retryAt: null }, 'The PBX refused the registration: 503 Service Unavailable'],
])('the popup and the toolbar button word the registration alike: %j', (registration, text) => {
  expect(registrationText(registration)).toBe(text);
  const snapshot = { registration, calls: [] } as unknown as SoftphoneSnapshot;
  expect(badgeTitleText(badgeFor(snapshot, 0).title)).toBe(`VoIP Widget: ${text}`);
});
