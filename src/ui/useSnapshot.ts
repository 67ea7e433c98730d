import { useEffect, useState } from 'preact/hooks';
import type { SoftphoneSnapshot } from '../calls/snapshot';
import { onBroadcast, request } from '../protocol/client';

function newer(current: SoftphoneSnapshot | null, next: SoftphoneSnapshot): SoftphoneSnapshot {
  return current !== null && current.seq > next.seq ? current : next;
}

/** The softphone's latest snapshot: asked for once, then kept current from broadcasts. */
export function useSnapshot(): SoftphoneSnapshot | null {
  const [snapshot, setSnapshot] = useState<SoftphoneSnapshot | null>(null);
  useEffect(() => {
    const off = onBroadcast((message) => {
      if (message.event === 'snapshot') setSnapshot((current) => newer(current, message.snapshot));
    });
    request('background', 'getSnapshot', {})
      .then((initial) => setSnapshot((current) => newer(current, initial)))
      .catch(() => undefined);
    return off;
  }, []);
  return snapshot;
}

/** Re-renders every second while `active`, for call timers. */
export function useClock(active: boolean): number {
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    if (!active) return;
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [active]);
  return now;
}
