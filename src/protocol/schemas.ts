import { accountRequests, offscreenControlRequests } from './account';
import { callerIdRequests } from './callerId';
import { clickToCallRequests } from './clickToCall';
import { offscreenQueueRequests, queueRequests } from './queues';
import { recentCallsRequests } from './recentCalls';
import { softphoneRequests } from './softphone';

/**
 * Every request one context can make of another, by target, with its payload schema: checked on
 * arrival, because the receiver cannot trust the sender. A feature adds its group here and its
 * responses in api.ts.
 */
export const requestSchemas = {
  background: {
    ...softphoneRequests,
    ...accountRequests,
    ...callerIdRequests,
    ...recentCallsRequests,
    ...queueRequests,
    ...clickToCallRequests,
  },
  offscreen: {
    ...softphoneRequests,
    ...offscreenControlRequests,
    ...offscreenQueueRequests,
  },
} as const;
