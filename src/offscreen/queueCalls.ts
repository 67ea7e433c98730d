import type { RTCSession } from 'jssip/lib/RTCSession';
import type { IncomingRequest } from 'jssip/lib/SIPMessage';
import { appError } from '../calls/errors';
import type { Result } from '../protocol/api';
import { request } from '../protocol/client';
import type { offscreenQueueRequests } from '../protocol/queues';
import type { Routes } from '../protocol/server';
import { parseQueueSettings, type QueueDefinition, queueOfIncomingCall } from '../queues';
import { dialServiceCode } from './serviceCode';
import type { Softphone } from './softphone';

function facts(session: RTCSession, invite: IncomingRequest | undefined) {
  return {
    requestUser: invite?.ruri?.user ?? null,
    toUser: session.local_identity?.uri.user ?? null,
    callerName: session.remote_identity?.display_name || null,
  };
}

/**
 * Gives the softphone the queue settings (offscreen documents have no storage: the service worker
 * hands them over at start and on every change) so it can name the queue an incoming call came
 * through, and answers the service worker's queue requests.
 */
export function attachQueues(softphone: Softphone): Routes<'offscreen', typeof offscreenQueueRequests> {
  let queues: QueueDefinition[] = [];
  softphone.queueNameOf = (session, invite) => queueOfIncomingCall(queues, facts(session, invite))?.name ?? null;
  const configure = (input: unknown): Result => {
    const parsed = parseQueueSettings({ queues: input });
    if (!parsed.ok) return { ok: false, error: appError('invalid_settings') };
    queues = parsed.value.queues;
    return { ok: true, value: null };
  };
  void request('background', 'queuesForSoftphone', {})
    .then((settings) => configure(settings.queues))
    .catch(() => undefined);
  return {
    configureQueues: ({ queues: input }) => configure(input),
    dialServiceCode: ({ code }) => dialServiceCode(softphone, code),
  };
}
