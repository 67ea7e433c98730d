import { request } from '../protocol/client';
import type { Handlers } from '../protocol/server';
import { ensureOffscreenDocument } from './offscreenDocument';

type SoftphoneRoutes = Pick<Handlers<'background'>, 'getSnapshot' | 'call' | 'answer' | 'decline' | 'hangup' | 'callStats'>;

/** View commands for the softphone go to the offscreen document, created on demand. */
export const softphoneRoutes: SoftphoneRoutes = {
  getSnapshot: async () => (await ensureOffscreenDocument(), request('offscreen', 'getSnapshot', {})),
  call: async (payload) => (await ensureOffscreenDocument(), request('offscreen', 'call', payload)),
  answer: async (payload) => (await ensureOffscreenDocument(), request('offscreen', 'answer', payload)),
  decline: async (payload) => (await ensureOffscreenDocument(), request('offscreen', 'decline', payload)),
  hangup: async (payload) => (await ensureOffscreenDocument(), request('offscreen', 'hangup', payload)),
  callStats: async (payload) => (await ensureOffscreenDocument(), request('offscreen', 'callStats', payload)),
};
