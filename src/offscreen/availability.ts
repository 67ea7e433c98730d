import type { offscreenAfterCallRequests } from '../protocol/aftercall';
import { request } from '../protocol/client';
import type { Routes } from '../protocol/server';
import type { Softphone } from './softphone';

/**
 * Keeps calls away while the agent is in wrap-up, not ready or in do not disturb until a time.
 * The service worker owns the status and hands over the time until which calls hear 486 Busy
 * Here; the softphone compares it with the clock itself, so wrap-up ends on the second even if
 * the service worker is asleep then.
 */
export function attachAvailability(softphone: Softphone): Routes<'offscreen', typeof offscreenAfterCallRequests> {
  void request('background', 'agentAvailability', {})
    .then(({ busyUntil }) => {
      softphone.busyUntil = busyUntil;
    })
    .catch(() => undefined);
  return {
    setAvailability: ({ busyUntil }) => {
      softphone.busyUntil = busyUntil;
      return { ok: true, value: null };
    },
  };
}
