import * as v from 'valibot';
import type { Result } from './api';

export const recentCallsRequests = {
  clearRecentCalls: v.object({}),
  /** The agent has seen the Recent tab: missed calls stop counting on the badge. */
  markRecentCallsSeen: v.object({}),
};

export interface RecentCallsResponses {
  clearRecentCalls: Result;
  markRecentCallsSeen: Result;
}
