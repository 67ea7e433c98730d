import { accountRequests, offscreenControlRequests } from './account';
import { callerIdRequests } from './callerId';
import { clickToCallRequests, contentScriptRequests } from './clickToCall';
import { contactRequests, contactSourceRequests } from './contacts';
import { offscreenQueueRequests, queueRequests } from './queues';
import { recentCallsRequests } from './recentCalls';
import { softphoneRequests } from './softphone';

/**
 * Every request one context can make of another, by target, with its payload schema: checked on
 * arrival, because the receiver cannot trust the sender. A feature adds its group here, its
 * responses in api.ts, and a route file whose handlers satisfy `Routes<target, typeof group>`.
 */
export const requestSchemas = {
  background: {
    ...softphoneRequests,
    ...accountRequests,
    ...callerIdRequests,
    ...recentCallsRequests,
    ...queueRequests,
    ...clickToCallRequests,
    ...contactRequests,
    ...contactSourceRequests,
    // From content scripts, and from nothing else (serve() checks).
    ...contentScriptRequests,
  },
  offscreen: {
    ...softphoneRequests,
    ...offscreenControlRequests,
    ...offscreenQueueRequests,
    ...contactRequests,
  },
} as const;
