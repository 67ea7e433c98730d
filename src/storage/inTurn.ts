/**
 * A queue of asynchronous steps: each starts once the one queued before it has settled, whether it
 * succeeded or failed, and resolves or rejects with its own outcome. Read-modify-write steps on
 * one store run through one queue, so no two changes overwrite each other.
 */
export function inTurn(): <T>(step: () => Promise<T>) => Promise<T> {
  let last: Promise<unknown> = Promise.resolve();
  return <T>(step: () => Promise<T>): Promise<T> => {
    const next = last.then(step, step);
    last = next.catch(() => undefined);
    return next;
  };
}
