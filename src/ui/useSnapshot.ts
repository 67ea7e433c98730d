import { useEffect, useState } from 'preact/hooks';
import type { SoftphoneSnapshot } from '../calls/snapshot';
import { onBroadcast, request } from '../protocol/client';

interface Held {
  snapshot: SoftphoneSnapshot | null;
  /** From the softphone itself, not the copy the view opened with. */
  live: boolean;
}

/** The copy the view opened with gives way to the first snapshot from the softphone, whatever its seq (the softphone may have restarted). */
function newer(current: Held, next: SoftphoneSnapshot): Held {
  return current.live && current.snapshot !== null && current.snapshot.seq > next.seq ? current : { snapshot: next, live: true };
}

/**
 * The softphone's latest snapshot: asked for once, then kept current from broadcasts. `opening`
 * (the copy kept in session storage) is shown until the softphone answers; if it never does, the
 * copy is dropped rather than shown as if it were current.
 */
export function useSnapshot(opening: SoftphoneSnapshot | null = null): SoftphoneSnapshot | null {
  const [held, setHeld] = useState<Held>({ snapshot: opening, live: false });
  useEffect(() => {
    const off = onBroadcast((message) => {
      if (message.event === 'snapshot') setHeld((current) => newer(current, message.snapshot));
    });
    request('background', 'getSnapshot', {})
      .then((initial) => setHeld((current) => newer(current, initial)))
      .catch(() => setHeld((current) => (current.live ? current : { snapshot: null, live: false })));
    return off;
  }, []);
  return held.snapshot;
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
