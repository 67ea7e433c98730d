import { beforeEach, describe, expect, test } from 'vitest';
import type { RecentCall } from '../../../src/calls/recentCalls';
import { defaultPreferences } from '../../../src/settings/preferences';
import { storageKeys } from '../../../src/storage/keys';
import { isStored, read, watch } from '../../../src/storage/read';
import { type FakeChrome, installFakeChrome } from './fakeChrome';

const call: RecentCall = {
  id: 'c1',
  direction: 'missed',
  number: '102',
  name: 'Bob',
  startedAt: 1000,
  durationMs: 0,
  callerId: null,
  outcome: 'no_answer',
  outcomeCause: null,
  quality: null,
};

let fake: FakeChrome;
beforeEach(() => {
  fake = installFakeChrome();
});

describe('every stored value is read through its key, falling back field by field', () => {
  test('nothing stored reads as the fallback', async () => {
    expect(await read(storageKeys.recentCalls)).toEqual([]);
    expect(await read(storageKeys.preferences)).toEqual(defaultPreferences);
    expect(await read(storageKeys.pendingNumber)).toBeNull();
    expect(await isStored(storageKeys.queueSettings)).toBe(false);
  });

  test('a null recent-calls list reads as no calls (the popup renders), not as null', async () => {
    fake.local.set('recentCalls', null);
    expect(await read(storageKeys.recentCalls)).toEqual([]);
    expect(storageKeys.recentCalls.read('nope')).toEqual([]);
  });

  test('a damaged recent call costs that entry or that detail, not the list', () => {
    const stored = [call, null, { ...call, id: 'c2', startedAt: 'yesterday' }, { ...call, id: 'c3', name: 7, durationMs: -5, outcome: undefined }];
    expect(storageKeys.recentCalls.read(stored)).toEqual([call, { ...call, id: 'c3', name: null, durationMs: 0, outcome: '' }]);
  });

  test('one damaged preference falls back alone', () => {
    expect(storageKeys.preferences.read({ doNotDisturb: true, declineWith: 999, voicemailNumber: '*98' })).toEqual({
      ...defaultPreferences,
      doNotDisturb: true,
      voicemailNumber: '*98',
    });
    expect(storageKeys.preferences.read(null)).toEqual(defaultPreferences);
  });

  test('caller ID settings are read as stored, a damaged field left out', () => {
    expect(storageKeys.callerId.read({ homeCountry: 'BE', incomingNumbers: ['+3225551234', 4], applyRulesToAllUsers: 'no' })).toEqual({
      homeCountry: 'BE',
      incomingNumbers: ['+3225551234'],
    });
    expect(storageKeys.callerId.read(null)).toBeNull();
  });

  test('a damaged seen-at time or window id reads as none', () => {
    expect(storageKeys.recentCallsSeenAt.read('soon')).toBe(0);
    expect(storageKeys.softphoneWindowId.read('w')).toBeNull();
  });

  test('watch passes each change through the parser, and stops when asked', async () => {
    const seen: RecentCall[][] = [];
    const off = watch(storageKeys.recentCalls, (calls) => seen.push(calls));
    await chrome.storage.local.set({ recentCalls: [call] });
    await chrome.storage.local.set({ recentCalls: null });
    await chrome.storage.session.set({ recentCalls: [call] }); // another area: not this key
    off();
    await chrome.storage.local.set({ recentCalls: [call] });
    expect(seen).toEqual([[call], []]);
  });
});
