/**
 * Calls `send` with the latest value at most once per `intervalMs`: the first change goes out at
 * once (an incoming call reaches the views without delay), later ones within the interval are
 * folded into one that goes out at its end, so a flood of SIP events cannot flood the views. A
 * value that `mustSend` says may not be folded into a later one (a call that ended, which the
 * recent calls must not miss) goes out at once.
 */
export function coalesce<T>(
  send: (value: T) => void,
  intervalMs: number,
  mustSend: (last: T | undefined, next: T) => boolean = () => false,
): (value: T) => void {
  let lastSentAt = Number.NEGATIVE_INFINITY;
  let last: T | undefined;
  let pending: { value: T } | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const flush = (): void => {
    clearTimeout(timer);
    timer = undefined;
    if (pending === null) return;
    const { value } = pending;
    pending = null;
    lastSentAt = Date.now();
    last = value;
    send(value);
  };
  return (value: T) => {
    const urgent = mustSend(pending?.value ?? last, value);
    pending = { value };
    if (urgent || Date.now() - lastSentAt >= intervalMs) flush();
    else timer ??= setTimeout(flush, lastSentAt + intervalMs - Date.now());
  };
}
