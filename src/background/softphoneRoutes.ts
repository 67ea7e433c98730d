import type { Routes } from '../protocol/server';
import type { softphoneRequests } from '../protocol/softphone';
import { askSoftphone } from './askSoftphone';

/** View commands for the softphone: each request of the softphone table, forwarded as it is. */
export const softphoneRoutes = {
  getSnapshot: (payload) => askSoftphone('getSnapshot', payload),
  call: (payload) => askSoftphone('call', payload),
  answer: (payload) => askSoftphone('answer', payload),
  decline: (payload) => askSoftphone('decline', payload),
  hangup: (payload) => askSoftphone('hangup', payload),
  callStats: (payload) => askSoftphone('callStats', payload),
  setMuted: (payload) => askSoftphone('setMuted', payload),
  setHeld: (payload) => askSoftphone('setHeld', payload),
  switchTo: (payload) => askSoftphone('switchTo', payload),
  sendDtmf: (payload) => askSoftphone('sendDtmf', payload),
  transfer: (payload) => askSoftphone('transfer', payload),
  consult: (payload) => askSoftphone('consult', payload),
  completeTransfer: (payload) => askSoftphone('completeTransfer', payload),
  merge: (payload) => askSoftphone('merge', payload),
  split: (payload) => askSoftphone('split', payload),
  answerTransferRequest: (payload) => askSoftphone('answerTransferRequest', payload),
  diagnostics: (payload) => askSoftphone('diagnostics', payload),
} satisfies Routes<'background', typeof softphoneRequests>;
