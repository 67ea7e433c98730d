import { beforeEach, describe, expect, test } from 'vitest';
import { withSite } from '../../../src/clicktocall/settings';
import { loadClickToCallSettings, updateClickToCallSettings } from '../../../src/storage/clickToCallStore';
import { loadPreferences, updatePreferences } from '../../../src/storage/settingsStore';
import { type FakeChrome, installFakeChrome } from './fakeChrome';

let fake: FakeChrome;
beforeEach(() => {
  fake = installFakeChrome();
});

describe('click-to-call settings and preferences changed at the same time', () => {
  test.each([0, 1, 15])('no change is lost when each storage call takes %i ms', async (delayMs) => {
    fake.local.set('clickToCall', { allSites: false, sites: ['https://old.example.com'], callAtOnce: false });
    fake.local.set('preferences', { voicemailNumber: '*97' });
    // Every change reads the stored value before any has written: without one chain of writes,
    // each would store what it read plus its own change, and the last would wipe out the others.
    fake.delayMs = delayMs;
    await Promise.all([
      updateClickToCallSettings((current) => withSite(current, 'https://crm.example.com', true)),
      updateClickToCallSettings((current) => withSite(current, 'https://old.example.com', false)),
      updatePreferences({ doNotDisturb: true }),
      updatePreferences({ declineWith: 603 }),
      updateClickToCallSettings((current) => ({ ...current, callAtOnce: true })),
    ]);
    fake.delayMs = 0;
    expect(await loadClickToCallSettings()).toEqual({ allSites: false, sites: ['https://crm.example.com'], callAtOnce: true });
    expect(await loadPreferences()).toMatchObject({ doNotDisturb: true, declineWith: 603, voicemailNumber: '*97' });
  });

  test('a change that stores nothing does not hold up or undo the ones after it', async () => {
    fake.delayMs = 5;
    const [refused, enabled] = await Promise.all([
      updateClickToCallSettings(() => null),
      updateClickToCallSettings((current) => withSite(current, 'https://crm.example.com', true)),
      updatePreferences({ doNotDisturb: true }),
    ]);
    expect(refused.after).toBeNull();
    expect(enabled.before.sites).toEqual([]);
    expect(enabled.after?.sites).toEqual(['https://crm.example.com']);
    expect(fake.local.get('clickToCall')).toMatchObject({ sites: ['https://crm.example.com'] });
    expect(fake.local.get('preferences')).toMatchObject({ doNotDisturb: true });
  });
});
