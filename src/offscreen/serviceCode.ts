import type { CallSnapshot, SoftphoneSnapshot } from '../calls/snapshot';
import type { Result } from '../protocol/api';
import { SERVICE_CALL_ANSWER_TIMEOUT_MS, SERVICE_CALL_MAX_TALK_MS } from '../queues';
import type { Softphone } from './softphone';

/**
 * Dials a service code (a queue's agent connection or disconnection number) and resolves when
 * the call has ended. The softphone hangs up itself if the PBX does not answer in time, or does
 * not end the call after its short message.
 */
export async function dialServiceCode(softphone: Pick<Softphone, 'subscribe' | 'hangup' | 'callUntilEnded'>, code: string): Promise<Result<CallSnapshot>> {
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
