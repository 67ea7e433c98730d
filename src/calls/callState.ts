import type { CallDirection, CallEnd, CallPurpose, CallSnapshot } from './snapshot';

export type CallEvent =
  | { type: 'progress'; earlyMedia: boolean }
  | { type: 'accepted'; at: number }
  | { type: 'confirmed'; at: number }
  | { type: 'ended'; at: number; cause: string | undefined; originator: 'local' | 'remote' | 'system' }
  | { type: 'muted' | 'unmuted' | 'held' | 'resumed' | 'held-by-remote' | 'resumed-by-remote' }
  | { type: 'tone'; tone: string };

export function newCall(
  id: string,
  direction: CallDirection,
  remoteNumber: string,
  remoteName: string | null,
  at: number,
  purpose: CallPurpose = 'call',
): CallSnapshot {
  return {
    id,
    direction,
    purpose,
    state: direction === 'incoming' ? 'incoming' : 'dialing',
    remoteNumber,
    remoteName,
    startedAt: at,
    answeredAt: null,
    endedAt: null,
    end: null,
    muted: false,
    held: false,
    heldByRemote: false,
    transferringTo: null,
    consultationFor: null,
    queueName: null,
    receivedTones: '',
  };
}

/** What a call becomes after a SIP session event. Ended calls stay ended. */
export function applyCallEvent(call: CallSnapshot, event: CallEvent): CallSnapshot {
  if (call.state === 'ended') return call;
  switch (event.type) {
    case 'progress':
      if (call.state !== 'dialing' && call.state !== 'ringing') return call;
      return { ...call, state: 'ringing', earlyMedia: call.earlyMedia === true || event.earlyMedia };
    case 'accepted':
      return { ...call, state: call.direction === 'incoming' ? 'connecting' : 'active', answeredAt: call.answeredAt ?? event.at };
    case 'confirmed':
      return { ...call, state: 'active', answeredAt: call.answeredAt ?? event.at };
    case 'ended':
      return { ...call, state: 'ended', endedAt: event.at, end: callEnd(call, event.cause, event.originator) };
    case 'muted':
      return { ...call, muted: true };
    case 'unmuted':
      return { ...call, muted: false };
    case 'held':
      return { ...call, held: true };
    case 'resumed':
      return { ...call, held: false };
    case 'held-by-remote':
      return { ...call, heldByRemote: true };
    case 'resumed-by-remote':
      return { ...call, heldByRemote: false };
    case 'tone':
      return { ...call, receivedTones: (call.receivedTones + event.tone).slice(-32) };
  }
}

/** JsSIP's end causes (JsSIP.C.causes) as the codes the views word. */
export function callEnd(call: CallSnapshot, cause: string | undefined, originator: 'local' | 'remote' | 'system'): CallEnd {
  const answered = call.answeredAt !== null;
  const end = (code: CallEnd['code'], completed = false): CallEnd => ({ code, completed });
  if (cause === 'Terminated' || cause === 'Bye' || cause === undefined) return end(originator === 'local' ? 'local_hangup' : 'remote_hangup', answered);
  switch (cause) {
    case 'Canceled':
      return end(originator === 'local' ? 'canceled' : 'caller_canceled');
    case 'Busy':
      return end('busy');
    case 'Rejected':
      return end(originator === 'local' ? 'declined' : 'rejected');
    case 'Not Found':
      return end('not_found');
    case 'Unavailable':
    case 'Request Timeout':
      return end('unavailable');
    case 'Connection Error':
      return end('connection_lost');
    case 'No Answer':
    case 'Expires':
      return end('no_answer');
    case 'Missing SDP':
    case 'Bad Media Description':
    case 'Incompatible SDP':
      return end('media_unusable');
    default:
      return { code: 'failed', cause: cause.slice(0, 80), completed: false };
  }
}
