import { beforeEach, describe, expect, test, vi } from 'vitest';
import { applyPolicy } from '../../../src/policy/apply';
import { type FakeChrome, installFakeChrome } from './fakeChrome';

vi.mock('idb-keyval', () => ({ createStore: () => ({}), get: async () => undefined, set: async () => undefined, del: async () => undefined }));

const { loadCallerIdConfig, saveCallerIdConfig } = await import('../../../src/storage/callerIdStore');
const { loadQueueSettings, saveQueueSettings } = await import('../../../src/storage/queuesStore');
const { loadPreferences, updatePreferences } = await import('../../../src/storage/settingsStore');
const { loadClickToCallSettings, updateClickToCallSettings } = await import('../../../src/storage/clickToCallStore');

const ownCallerId = {
  defaultOutgoingNumber: '+3225551234',
  incomingNumbers: ['+3225551234', '+442079460958'],
  userOutgoingNumber: 'default',
  advancedRules: [],
  applyRulesToAllUsers: false,
  homeCountry: 'BE',
};
const support = { name: 'Support', extension: '500', loginCode: '*51', logoutCode: '*52', agent: 'dynamic' as const, callerNamePrefix: '' };

let fake: FakeChrome;
beforeEach(() => {
  fake = installFakeChrome();
});
const managed = (policy: Record<string, unknown>, own: typeof ownCallerId | null = null) => fake.local.set('policy', applyPolicy(policy, own));

describe('each store under an administrator policy: policy wins where it speaks, the agent keeps the rest and their own values underneath', () => {
  test('caller ID: the policy’s rules apply, the agent’s own rules come back when it is lifted', async () => {
    fake.local.set('callerId', { ...ownCallerId, advancedRules: [{ prefix: '0032', number: '+3225551234' }] });
    managed({ advancedRules: [{ prefix: '0044', number: '+442079460958' }] }, ownCallerId);
    expect((await loadCallerIdConfig())?.advancedRules).toEqual([{ prefix: '0044', number: '+442079460958' }]);
    // The agent saves with a different default number and the form's (locked) rules.
    const saved = await saveCallerIdConfig({ ...ownCallerId, defaultOutgoingNumber: '+442079460958', advancedRules: [] });
    expect(saved.ok).toBe(true);
    expect(fake.local.get('callerId')).toMatchObject({ defaultOutgoingNumber: '+442079460958', advancedRules: [{ prefix: '0032', number: '+3225551234' }] });
    fake.local.delete('policy');
    expect((await loadCallerIdConfig())?.advancedRules).toEqual([{ prefix: '0032', number: '+3225551234' }]);
  });

  test('queues: the policy’s list is used; a save changes the reminder only', async () => {
    managed({ queues: [support] });
    expect((await loadQueueSettings()).queues).toEqual([support]);
    expect(await saveQueueSettings({ queues: [], reminder: { enabled: false, time: '17:00' } })).toEqual({ ok: true });
    expect(await loadQueueSettings()).toEqual({ queues: [support], reminder: { enabled: false, time: '17:00' } });
    expect(fake.local.get('queueSettings')).toEqual({ queues: [], reminder: { enabled: false, time: '17:00' } });
  });

  test('preferences: a managed voicemail number cannot be changed, the others can', async () => {
    managed({ voicemailNumber: '*98' });
    expect((await loadPreferences()).voicemailNumber).toBe('*98');
    expect(await updatePreferences({ voicemailNumber: '*45', callWaiting: false })).toMatchObject({
      ok: true,
      preferences: { voicemailNumber: '*98', callWaiting: false },
    });
    expect(fake.local.get('preferences')).toMatchObject({ voicemailNumber: '', callWaiting: false });
  });

  test('click-to-call: the policy’s sites run; the agent’s own stay underneath', async () => {
    fake.local.set('clickToCall', { allSites: false, sites: ['https://own.example.com'], callAtOnce: false });
    managed({ clickToCallSites: ['https://crm.example.com'] });
    expect((await loadClickToCallSettings()).sites).toEqual(['https://crm.example.com']);
    await updateClickToCallSettings((current) => ({ ...current, sites: [], callAtOnce: true }));
    expect(await loadClickToCallSettings()).toEqual({ allSites: false, sites: ['https://crm.example.com'], callAtOnce: true });
    expect(fake.local.get('clickToCall')).toEqual({ allSites: false, sites: ['https://own.example.com'], callAtOnce: true });
  });
});
