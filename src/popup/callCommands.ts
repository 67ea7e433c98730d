import { request } from '../protocol/client';

/** What the call views can ask of the softphone; failures come back through the snapshot's lastError. */
export interface CallCommands {
  answer(callId: string): void;
  decline(callId: string): void;
  hangup(callId: string): void;
  setMuted(callId: string, muted: boolean): void;
  setHeld(callId: string, held: boolean): void;
  switchTo(callId: string): void;
  sendDtmf(callId: string, tones: string): void;
  transfer(callId: string, target: string): void;
  consult(callId: string, target: string): void;
  completeTransfer(callId: string, consultCallId: string): void;
}

const quietly = (promise: Promise<unknown>): void => void promise.catch(() => undefined);

export const callCommands: CallCommands = {
  answer: (callId) => quietly(request('background', 'answer', { callId })),
  decline: (callId) => quietly(request('background', 'decline', { callId })),
  hangup: (callId) => quietly(request('background', 'hangup', { callId })),
  setMuted: (callId, muted) => quietly(request('background', 'setMuted', { callId, muted })),
  setHeld: (callId, held) => quietly(request('background', 'setHeld', { callId, held })),
  switchTo: (callId) => quietly(request('background', 'switchTo', { callId })),
  sendDtmf: (callId, tones) => quietly(request('background', 'sendDtmf', { callId, tones })),
  transfer: (callId, target) => quietly(request('background', 'transfer', { callId, target })),
  consult: (callId, target) => quietly(request('background', 'consult', { callId, target })),
  completeTransfer: (callId, consultCallId) => quietly(request('background', 'completeTransfer', { callId, consultCallId })),
};
