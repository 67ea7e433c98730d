import type { RTCSession } from 'jssip/lib/RTCSession';
import type { IncomingRequest } from 'jssip/lib/SIPMessage';
import { appError } from '../calls/errors';
import type { CallSnapshot, SoftphoneSnapshot } from '../calls/snapshot';
import type { Result } from '../protocol/api';
import { request } from '../protocol/client';
import type { Handlers } from '../protocol/server';
import { parseQueueSettings, queueOfIncomingCall, SERVICE_CALL_ANSWER_TIMEOUT_MS, SERVICE_CALL_MAX_TALK_MS, type QueueDefinition } from '../queues';
import type { Softphone } from './softphone';

/**
 * Dials a service code (a queue's agent connection or disconnection number) and resolves when
 * the call has ended. The softphone hangs up itself if the PBX does not answer in time, or does
 * not end the call after its short message.
 */
export async function dialServiceCode(softphone: Softphone, code: string): Promise<Result<CallSnapshot>> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let watched: { id: string; answered: boolean } | null = null;
  const watch = (snapshot: SoftphoneSnapshot): void => {
    const call = snapshot.calls.find((c) => c.purpose === 'service-code');
    if (!call) return;
    const answered = call.answeredAt !== null;
    if (watched?.id === call.id && watched.answered === answered) return;
    watched = { id: call.id, answered };
    clearTimeout(timer);
    timer = setTimeout(() => softphone.hangup(call.id), answered ? SERVICE_CALL_MAX_TALK_MS : SERVICE_CALL_ANSWER_TIMEOUT_MS);
  };
  const unsubscribe = softphone.subscribe(watch);
  try {
    return await softphone.callUntilEnded(code, 'service-code');
  } finally {
    unsubscribe();
    clearTimeout(timer);
  }
}

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
export function attachQueues(softphone: Softphone): Pick<Handlers<'offscreen'>, 'configureQueues' | 'dialServiceCode'> {
  let queues: QueueDefinition[] = [];
  softphone.queueNameOf = (session, invite) => queueOfIncomingCall(queues, facts(session, invite))?.name ?? null;
  const configure = (input: unknown): Result => {
    const parsed = parseQueueSettings({ queues: input });
    if (!parsed.ok) return { ok: false, error: appError('invalid_settings', 'Invalid queue settings') };
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
