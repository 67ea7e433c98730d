import { describe, expect, test } from 'vitest';
import { callRecordFrom, updatedRecord } from '../../../src/aftercall/callRecord';
import { applyCallEvent, newCall } from '../../../src/calls/callState';
import type { CallSnapshot } from '../../../src/calls/snapshot';

const context = { callerId: '+3225551234', agent: '101@pbx.test', note: { notes: 'Wants a quote', disposition: 'Sale' } };

function answeredCall(direction: 'incoming' | 'outgoing', patch: Partial<CallSnapshot> = {}): CallSnapshot {
  const call = [
    { type: 'accepted', at: 1_700_000_002_000 },
    { type: 'ended', at: 1_700_000_062_400, cause: 'Terminated', originator: 'remote' },
  ].reduce(applyCallEvent as never, newCall('c1', direction, '+3225550000', 'Bob', 1_700_000_000_000));
  return { ...(call as CallSnapshot), ...patch };
}

describe('call record', () => {
  test.each([
    ['outgoing answered', answeredCall('outgoing'), { direction: 'outgoing', callerId: '+3225551234', durationSeconds: 60, endReason: 'remote_hangup' }],
    [
      'incoming answered from a queue',
      answeredCall('incoming', { queueName: 'Support' }),
      { direction: 'incoming', callerId: null, queue: 'Support', durationSeconds: 60 },
    ],
    [
      'incoming never answered',
      applyCallEvent(newCall('c1', 'incoming', '103', null, 1_700_000_000_000), {
        type: 'ended',
        at: 1_700_000_005_000,
        cause: 'Canceled',
        originator: 'remote',
      }),
      { direction: 'missed', durationSeconds: 0, answeredAt: null, endReason: 'caller_canceled' },
    ],
  ])('%s', (_, call, expected) => {
    expect(callRecordFrom(call as CallSnapshot, context)).toMatchObject(expected);
  });

  test('carries every field the receiver reads', () => {
    expect(callRecordFrom(answeredCall('outgoing'), context)).toEqual({
      event: 'call.ended',
      callId: 'c1',
      version: 1,
      idempotencyKey: 'c1:1',
      direction: 'outgoing',
      otherParty: { number: '+3225550000', name: 'Bob', contactName: null },
      callerId: '+3225551234',
      queue: null,
      startedAt: '2023-11-14T22:13:20.000Z',
      answeredAt: '2023-11-14T22:13:22.000Z',
      endedAt: '2023-11-14T22:14:22.400Z',
      durationSeconds: 60,
      endReason: 'remote_hangup',
      notes: 'Wants a quote',
      disposition: 'Sale',
      agent: '101@pbx.test',
    });
  });

  test("names the other party's contact when the call was matched to one", () => {
    const contact = { name: 'Zoë Müller', company: 'ACME', number: '+32 2 555 00 00', label: 'work' as const, sourceId: 'local', contactId: 'z1' };
    expect(callRecordFrom(answeredCall('incoming', { contact }), context).otherParty).toEqual({
      number: '+3225550000',
      name: 'Bob',
      contactName: 'Zoë Müller',
    });
  });

  test('an update keeps the call id, takes the next version and key, and the new note', () => {
    const first = callRecordFrom(answeredCall('outgoing'), context);
    const second = updatedRecord(first, { notes: 'Quote sent', disposition: 'Call back' });
    expect(second).toMatchObject({ event: 'call.updated', callId: 'c1', version: 2, idempotencyKey: 'c1:2', notes: 'Quote sent', disposition: 'Call back' });
    expect(updatedRecord(second, second).idempotencyKey).toBe('c1:3');
    expect({ ...second, event: first.event, version: 1, idempotencyKey: 'c1:1', notes: first.notes, disposition: first.disposition }).toEqual(first);
  });
});
