import { accountRequests, offscreenControlRequests } from './account';
import { afterCallRequests, offscreenAfterCallRequests } from './aftercall';
import { callerIdRequests } from './callerId';
import { cardDavRequests } from './cardDav';
import { clickToCallRequests, contentScriptRequests } from './clickToCall';
import { colleagueRequests, offscreenColleagueRequests } from './colleagues';
import { contactRequests, contactSourceRequests, offscreenContactRequests } from './contacts';
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
    ...cardDavRequests,
    ...afterCallRequests,
    ...colleagueRequests,
    ...contactRequests,
    ...contactSourceRequests,
    // From content scripts, and from nothing else (serve() checks).
    ...contentScriptRequests,
  },
  offscreen: {
    ...softphoneRequests,
    ...offscreenControlRequests,
    ...offscreenQueueRequests,
    ...offscreenAfterCallRequests,
    ...offscreenColleagueRequests,
    ...contactRequests,
    ...offscreenContactRequests,
  },
} as const;
