import type { Handlers } from '../protocol/server';
import { clearRecentCalls, markRecentCallsSeen } from '../storage/recentCallsStore';

export const recentCallsRoutes: Pick<Handlers<'background'>, 'clearRecentCalls' | 'markRecentCallsSeen'> = {
  clearRecentCalls: async () => {
    await clearRecentCalls();
    return { ok: true, value: null };
  },
  markRecentCallsSeen: async () => {
    await markRecentCallsSeen();
    return { ok: true, value: null };
  },
};
