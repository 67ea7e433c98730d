import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { initialSnapshot, storedSnapshot } from '../../../src/calls/snapshot';

const ringing = {
  ...initialSnapshot,
  seq: 7,
  registration: { state: 'registered', account: { username: '101', domain: 'pbx.test' }, error: null },
  calls: [{ id: 'c1', state: 'incoming', direction: 'incoming', remoteNumber: '102' }],
};

describe('a snapshot kept for the popup', () => {
  it.each([
    ['a softphone snapshot', ringing, true],
    ['one saved before a field was added', { ...ringing, voicemail: undefined, colleagues: undefined }, true],
    ['nothing', undefined, false],
    ['null', null, false],
    ['a string', 'registered', false],
    ['calls that are not a list', { ...ringing, calls: null }, false],
    ['a call without an id', { ...ringing, calls: [{ state: 'incoming', direction: 'incoming' }] }, false],
    ['an unknown call state', { ...ringing, calls: [{ id: 'c1', state: 'exploded', direction: 'incoming' }] }, false],
    ['an unknown registration state', { ...ringing, registration: { state: 'maybe' } }, false],
    ['no transfer requests list', { ...ringing, transferRequests: 'none' }, false],
  ])('%s: kept %s', (_, stored, kept) => {
    expect(storedSnapshot(stored) !== null).toBe(kept);
  });

  it('fills the fields an older copy lacks with the initial ones', () => {
    const { lastError: _, ...withoutError } = ringing;
    expect(storedSnapshot(withoutError)).toMatchObject({ lastError: null, seq: 7, calls: ringing.calls });
  });

  it('never throws, and gives either nothing or lists where the popup expects lists', () => {
    fc.assert(
      fc.property(fc.anything(), (stored) => {
        const read = storedSnapshot(stored);
        if (read !== null) expect(Array.isArray(read.calls) && Array.isArray(read.transferRequests)).toBe(true);
      }),
    );
    fc.assert(
      fc.property(fc.record({ seq: fc.anything(), registration: fc.anything(), calls: fc.anything(), transferRequests: fc.anything() }), (stored) => {
        expect(() => storedSnapshot(stored)).not.toThrow();
      }),
    );
  });
});
