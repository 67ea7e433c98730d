import { useEffect, useState } from 'preact/hooks';
import type { ResolvedCallerId } from '../protocol/callerId';
import { request } from '../protocol/client';

/** The caller ID the PBX will present for `dialed`, kept current as it changes (null: unknown). */
export function useCallerId(dialed: string): ResolvedCallerId | null {
  const [resolved, setResolved] = useState<ResolvedCallerId | null>(null);
  useEffect(() => {
    if (dialed.trim() === '') {
      setResolved(null);
      return;
    }
    let current = true; // a slow answer for an older number must not overwrite a newer one
    request('background', 'resolveCallerId', { dialed })
      .then((answer) => current && setResolved(answer))
      .catch(() => current && setResolved(null));
    return () => {
      current = false;
    };
  }, [dialed]);
  return resolved;
}
