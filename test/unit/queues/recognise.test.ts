import { describe, expect, test } from 'vitest';
import { type IncomingCallFacts, queueOfIncomingCall } from '../../../src/queues';
import { reception, sales, support } from './fixtures';

const facts = (patch: Partial<IncomingCallFacts>): IncomingCallFacts => ({ requestUser: 'x7k2p', toUser: '101', callerName: null, ...patch });

describe('recognising a queue call', () => {
  test.each<[string, IncomingCallFacts, string | null]>([
    ['a direct call is no queue call', facts({ callerName: 'Bob' }), null],
    ['the request URI names the queue extension', facts({ requestUser: '501' }), 'Sales'],
    ['the To header names the queue extension', facts({ toUser: '500' }), 'Support'],
    ['the caller name carries the queue prefix', facts({ callerName: '[Support] Bob' }), 'Support'],
    ['the prefix ignores case and leading spaces', facts({ callerName: '  [support] Bob' }), 'Support'],
    ['a queue without a prefix is not matched by name', facts({ callerName: 'Sales Bob' }), null],
    ['the called number wins over the name', facts({ toUser: '502', callerName: '[Support] Bob' }), 'Reception'],
    ['nothing known', { requestUser: null, toUser: null, callerName: null }, null],
  ])('%s', (_, call, name) => {
    expect(queueOfIncomingCall([support, sales, reception], call)?.name ?? null).toBe(name);
  });
});
