import type { recentCallsRequests } from '../protocol/recentCalls';
import type { Routes } from '../protocol/server';
import { clearRecentCalls, markRecentCallsSeen } from '../storage/recentCallsStore';

export const recentCallsRoutes = {
  clearRecentCalls: async () => {
    await clearRecentCalls();
    return { ok: true, value: null };
  },
  markRecentCallsSeen: async () => {
    await markRecentCallsSeen();
    return { ok: true, value: null };
  },
} satisfies Routes<'background', typeof recentCallsRequests>;
