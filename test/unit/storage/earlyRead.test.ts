import { beforeEach, expect, test } from 'vitest';
import { startEarlyRead, takeEarlyRead } from '../../../src/storage/earlyRead';
import { storageKeys } from '../../../src/storage/keys';
import { type FakeChrome, installFakeChrome } from './fakeChrome';

let fake: FakeChrome;
beforeEach(() => {
  fake = installFakeChrome();
});

test('the popup takes the raw value the early script started reading, once', async () => {
  fake.session.set(storageKeys.lastSnapshot.name, { seq: 3 });
  startEarlyRead(storageKeys.lastSnapshot.name);
  expect(await takeEarlyRead(storageKeys.lastSnapshot.name)).toEqual({ seq: 3 });
  expect(takeEarlyRead(storageKeys.lastSnapshot.name)).toBeUndefined();
});

test('without the early script there is nothing to take, and the popup reads storage itself', () => {
  expect(takeEarlyRead(storageKeys.lastSnapshot.name)).toBeUndefined();
});

test('a refused read reads as nothing stored, not as an error', async () => {
  (chrome.storage.session as unknown as { get: () => Promise<never> }).get = () => Promise.reject(new Error('no access'));
  startEarlyRead(storageKeys.lastSnapshot.name);
  const raw = await takeEarlyRead(storageKeys.lastSnapshot.name);
  expect(raw).toBeUndefined();
  expect(storageKeys.lastSnapshot.read(raw)).toBeNull();
});
