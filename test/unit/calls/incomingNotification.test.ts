import { describe, expect, test } from 'vitest';
import { newCall } from '../../../src/calls/callState';
import { actionForButton, callIdFromNotification, notificationChanges, notificationIdFor } from '../../../src/calls/incomingNotification';

describe('incoming-call notifications', () => {
  const ringing = newCall('abc', 'incoming', '102', 'Bob', 0);
  const answered = { ...ringing, state: 'active' as const };

  test('a ringing call gets one notification, cleared once it stops ringing', () => {
    expect(notificationChanges(new Set(), [ringing])).toEqual({ show: [ringing], clear: [] });
    expect(notificationChanges(new Set([notificationIdFor(ringing)]), [ringing])).toEqual({ show: [], clear: [] });
    expect(notificationChanges(new Set([notificationIdFor(ringing)]), [answered])).toEqual({ show: [], clear: ['incoming-call:abc'] });
  });

  test('buttons map to answer and decline, other notifications are not ours', () => {
    expect(callIdFromNotification(notificationIdFor(ringing))).toBe('abc');
    expect(callIdFromNotification('queue-reminder')).toBeNull();
    expect([0, 1, 2].map(actionForButton)).toEqual(['answer', 'decline', null]);
  });
});
