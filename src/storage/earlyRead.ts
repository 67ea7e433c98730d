/**
 * Reads started by a small classic script in the popup's <head>, before the popup's module script
 * is fetched and compiled, so their storage round trip overlaps that work instead of following
 * it. Only raw stored values travel here; the popup reads them through their keys' parsers. This
 * module imports nothing, so the early script stays a few hundred bytes.
 */

/** The session key of the softphone's kept snapshot (storageKeys.lastSnapshot is declared with it). */
export const KEPT_SNAPSHOT_NAME = 'lastSnapshot';

const HOLDER = '__voipWidgetEarlyReads';

type Holder = { [HOLDER]?: Map<string, Promise<unknown>> };

/** Starts reading `name` from session storage. */
export function startEarlyRead(name: string): void {
  const holder = globalThis as Holder;
  holder[HOLDER] ??= new Map();
  holder[HOLDER].set(
    name,
    chrome.storage.session.get(name).then(
      (stored) => stored[name],
      () => undefined,
    ),
  );
}

/** The raw value the early script started reading under `name` (once), or undefined when it did not. */
export function takeEarlyRead(name: string): Promise<unknown> | undefined {
  const reads = (globalThis as Holder)[HOLDER];
  const read = reads?.get(name);
  reads?.delete(name);
  return read;
}
