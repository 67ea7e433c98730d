import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { isInstanceId, sipIdentity } from '../../../src/calls/sipIdentity';

describe('one SIP identity per account', () => {
  test('the Contact is derived from the instance id, so every connection uses the same one', () => {
    const identity = sipIdentity('3f2a9c1e-0b7d-4e55-9a10-6c2d8e4f1a2b');
    expect(identity).toEqual({ instanceId: '3f2a9c1e-0b7d-4e55-9a10-6c2d8e4f1a2b', contactUri: 'sip:3f2a9c1e0b7d@4e559a106c2d.invalid;transport=ws' });
    expect(sipIdentity(identity.instanceId)).toEqual(identity);
  });

  test('different instances have different contacts', () => {
    fc.assert(fc.property(fc.uuid(), fc.uuid(), (a, b) => a === b || sipIdentity(a).contactUri !== sipIdentity(b).contactUri));
  });

  test.each([
    ['3f2a9c1e-0b7d-4e55-9a10-6c2d8e4f1a2b', true],
    ['3F2A9C1E-0B7D-4E55-9A10-6C2D8E4F1A2B', false],
    ['not-a-uuid', false],
    [42, false],
    [null, false],
  ])('%j is an instance id: %s', (value, expected) => {
    expect(isInstanceId(value)).toBe(expected);
  });
});
