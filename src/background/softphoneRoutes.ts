import type { RequestPayload, Response } from '../protocol/api';
import { request } from '../protocol/client';
import type { Routes } from '../protocol/server';
import type { softphoneRequests } from '../protocol/softphone';
import { ensureOffscreenDocument } from './offscreenDocument';

type SoftphoneRequest = keyof typeof softphoneRequests;

/** Forwards a view's command to the offscreen document, created on demand; its answer is the view's. */
async function forward<K extends SoftphoneRequest>(type: K, payload: RequestPayload<'offscreen', K>): Promise<Response<'offscreen', K>> {
  await ensureOffscreenDocument();
  return request('offscreen', type, payload);
}

/** View commands for the softphone: each request of the softphone table, forwarded as it is. */
export const softphoneRoutes = {
  getSnapshot: (payload) => forward('getSnapshot', payload),
  call: (payload) => forward('call', payload),
  answer: (payload) => forward('answer', payload),
  decline: (payload) => forward('decline', payload),
  hangup: (payload) => forward('hangup', payload),
  callStats: (payload) => forward('callStats', payload),
  setMuted: (payload) => forward('setMuted', payload),
  setHeld: (payload) => forward('setHeld', payload),
  switchTo: (payload) => forward('switchTo', payload),
  sendDtmf: (payload) => forward('sendDtmf', payload),
  transfer: (payload) => forward('transfer', payload),
  consult: (payload) => forward('consult', payload),
  completeTransfer: (payload) => forward('completeTransfer', payload),
  merge: (payload) => forward('merge', payload),
  split: (payload) => forward('split', payload),
  answerTransferRequest: (payload) => forward('answerTransferRequest', payload),
  diagnostics: (payload) => forward('diagnostics', payload),
} satisfies Routes<'background', typeof softphoneRequests>;
