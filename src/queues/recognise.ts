import type { QueueDefinition } from './settings';

/** What the INVITE of an incoming call says about where it was sent. */
export interface IncomingCallFacts {
  /** User part of the request URI. */
  requestUser: string | null;
  /** User part of the To header: the number the caller dialed. */
  toUser: string | null;
  /** Caller display name (some PBXs prefix it with the queue's name). */
  callerName: string | null;
}

/** The queue a call came through: its extension was dialed, or the PBX prefixed the caller's name. */
export function queueOfIncomingCall(queues: readonly QueueDefinition[], facts: IncomingCallFacts): QueueDefinition | null {
  for (const called of [facts.requestUser, facts.toUser]) {
    const queue = called ? queues.find((q) => q.extension === called) : undefined;
    if (queue) return queue;
  }
  const name = facts.callerName?.trimStart().toLocaleLowerCase();
  if (!name) return null;
  return queues.find((q) => q.callerNamePrefix !== '' && name.startsWith(q.callerNamePrefix.toLocaleLowerCase())) ?? null;
}
