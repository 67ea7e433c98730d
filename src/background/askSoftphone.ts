import type { RequestPayload, RequestType, Response } from '../protocol/api';
import { request } from '../protocol/client';
import { ensureOffscreenDocument } from './offscreenDocument';

/** Asks the softphone, in the offscreen document created on demand; its answer, or a rejection. */
export async function askSoftphone<K extends RequestType<'offscreen'>>(type: K, payload: RequestPayload<'offscreen', K>): Promise<Response<'offscreen', K>> {
  await ensureOffscreenDocument();
  return request('offscreen', type, payload);
}
