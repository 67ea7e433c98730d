import { request } from '../protocol/client';
import type { Handlers } from '../protocol/server';
import type { softphoneRequests } from '../protocol/softphone';
import { ensureOffscreenDocument } from './offscreenDocument';

type SoftphoneRequest = keyof typeof softphoneRequests;
type SoftphoneRoutes = Pick<Handlers<'background'>, SoftphoneRequest>;

const forward =
  <K extends SoftphoneRequest>(type: K) =>
  async (payload: Parameters<SoftphoneRoutes[K]>[0]) => {
    await ensureOffscreenDocument();
    return request('offscreen', type, payload as never);
  };

/** View commands for the softphone go to the offscreen document, created on demand. */
export const softphoneRoutes = {
  getSnapshot: forward('getSnapshot'),
  call: forward('call'),
  answer: forward('answer'),
  decline: forward('decline'),
  hangup: forward('hangup'),
  callStats: forward('callStats'),
  setMuted: forward('setMuted'),
  setHeld: forward('setHeld'),
  switchTo: forward('switchTo'),
  sendDtmf: forward('sendDtmf'),
  transfer: forward('transfer'),
  consult: forward('consult'),
  completeTransfer: forward('completeTransfer'),
  answerTransferRequest: forward('answerTransferRequest'),
  diagnostics: forward('diagnostics'),
} as SoftphoneRoutes;
