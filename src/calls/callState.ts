import type { CallDirection, CallEnd, CallPurpose, CallSnapshot } from './snapshot';

export type CallEvent =
  | { type: 'progress' }
  | { type: 'accepted'; at: number }
  | { type: 'confirmed'; at: number }
  | { type: 'ended'; at: number; cause: string | undefined; originator: 'local' | 'remote' | 'system' }
  | { type: 'muted' | 'unmuted' | 'held' | 'resumed' | 'held-by-remote' | 'resumed-by-remote' }
  | { type: 'tone'; tone: string };

export function newCall(id: string, direction: CallDirection, remoteNumber: string, remoteName: string | null, at: number, purpose: CallPurpose = 'call'): CallSnapshot {
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
      return call.state === 'dialing' ? { ...call, state: 'ringing' } : call;
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

/** JsSIP's end causes (JsSIP.C.causes) in the agent's words. */
export function callEnd(call: CallSnapshot, cause: string | undefined, originator: 'local' | 'remote' | 'system'): CallEnd {
  const answered = call.answeredAt !== null;
  if (cause === 'Terminated' || cause === 'Bye' || cause === undefined) {
    return originator === 'local'
      ? { code: 'local_hangup', message: 'Call ended', completed: answered }
      : { code: 'remote_hangup', message: 'The other party hung up', completed: answered };
  }
  switch (cause) {
    case 'Canceled':
      return originator === 'local'
        ? { code: 'canceled', message: 'Call canceled', completed: false }
        : { code: 'canceled', message: 'The caller hung up', completed: false };
    case 'Busy':
      return { code: 'busy', message: 'Busy', completed: false };
    case 'Rejected':
      return originator === 'local'
        ? { code: 'declined', message: 'Call declined', completed: false }
        : { code: 'rejected', message: 'Call rejected', completed: false };
    case 'Not Found':
      return { code: 'not_found', message: 'Number not found', completed: false };
    case 'Unavailable':
    case 'Request Timeout':
      return { code: 'unavailable', message: 'Not reachable right now', completed: false };
    case 'Connection Error':
      return { code: 'connection_lost', message: 'Connection to the PBX lost', completed: false };
    case 'No Answer':
    case 'Expires':
      return { code: 'no_answer', message: 'No answer', completed: false };
    case 'Missing SDP':
    case 'Bad Media Description':
    case 'Incompatible SDP':
      return { code: 'failed', message: 'Call ended: the PBX sent audio settings the softphone cannot use', completed: false };
    default:
      return { code: 'failed', message: `Call failed: ${cause}`, completed: false };
  }
}
