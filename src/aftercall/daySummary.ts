import type { RecentCall } from '../calls/recentCalls';

export interface DaySummary {
  calls: number;
  talkMs: number;
  missed: number;
}

/** Today's calls (from local midnight before `now`): how many, the talk time, how many missed. */
export function daySummary(calls: readonly RecentCall[], now: number): DaySummary {
  const midnight = new Date(now);
  midnight.setHours(0, 0, 0, 0);
  const start = midnight.getTime();
  let count = 0;
  let talkMs = 0;
  let missed = 0;
  for (const call of calls) {
    if (call.startedAt < start || call.startedAt > now) continue;
    count += 1;
    talkMs += call.durationMs;
    if (call.direction === 'missed') missed += 1;
  }
  return { calls: count, talkMs, missed };
}
