import { describe, expect, test } from 'vitest';
import { newCall } from '../../../src/calls/callState';
import {
  actionForButton,
  callIdFromNotification,
  incomingNotificationText,
  notificationChanges,
  notificationIdFor,
} from '../../../src/calls/incomingNotification';
import { cleanDisplayName } from '../../../src/calls/remoteParty';

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

  test('the number has the title to itself and the name, whatever it says, the message line', () => {
    const words = { from: (n: string) => `Incoming call from ${n}`, incoming: 'Incoming call', queue: (q: string) => `Queue: ${q}` };
    const spoof = { ...ringing, remoteNumber: '+3225550001', remoteName: cleanDisplayName('Police\u200b · +32 2 555 00 00\u061c') };
    expect(incomingNotificationText(spoof, words)).toEqual({ title: 'Incoming call from +3225550001', message: 'Police · +32 2 555 00 00' });
    expect(incomingNotificationText({ ...ringing, queueName: 'Support' }, words)).toEqual({
      title: 'Incoming call from 102',
      message: 'Bob',
      contextMessage: 'Queue: Support',
    });
    expect(incomingNotificationText({ ...ringing, remoteNumber: '', remoteName: null }, words)).toEqual({ title: 'Incoming call', message: '' });
  });

  test("a caller in the agent's contacts is named with company and number on the title line; the name they sent stays apart", () => {
    const words = { from: (n: string) => `Incoming call from ${n}`, incoming: 'Incoming call', queue: (q: string) => `Queue: ${q}` };
    const contact = { name: 'Zoë Müller', company: 'ACME', number: '+32 2 555 12 34', label: 'work' as const, sourceId: 'local', contactId: 'z' };
    expect(incomingNotificationText({ ...ringing, remoteNumber: '+3225551234', remoteName: 'ZM', contact }, words)).toEqual({
      title: 'Zoë Müller · ACME · +32 2 555 12 34',
      message: 'ZM',
    });
    expect(incomingNotificationText({ ...ringing, contact: { ...contact, company: '' } }, words).title).toBe('Zoë Müller · +32 2 555 12 34');
  });
});
