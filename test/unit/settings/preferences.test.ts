import { describe, expect, test } from 'vitest';
import { defaultPreferences, parsePreferences, preferencesOrDefaults } from '../../../src/settings/preferences';

describe('preferences', () => {
  test('missing fields take their defaults', () => {
    expect(parsePreferences({})).toEqual({ ok: true, value: defaultPreferences });
    expect(parsePreferences(undefined)).toEqual({ ok: true, value: defaultPreferences });
  });

  test.each([{ declineWith: 404 }, { dtmfMethod: 'smoke-signals' }, { voicemailNumber: 'call me' }, { doNotDisturb: 'yes' }])('refuses %j', (patch) => {
    expect(parsePreferences({ ...defaultPreferences, ...patch }).ok).toBe(false);
  });

  test('a damaged stored value falls back to defaults instead of breaking calls', () => {
    expect(preferencesOrDefaults({ declineWith: 'x' })).toEqual(defaultPreferences);
    expect(preferencesOrDefaults({ doNotDisturb: true })).toEqual({ ...defaultPreferences, doNotDisturb: true });
  });
});
