/**
 * The administrator's policy as the browser holds it: Chrome's storage.managed (from Google
 * Admin, a GPO or a policy file, checked against public/managed_schema.json) or Firefox's
 * policies.json `3rdparty` section. Read raw: src/policy checks it value by value.
 */

/** The policy's values, or {} without one (Firefox rejects the read when no policy names the add-on). */
export async function readManagedPolicy(): Promise<Record<string, unknown>> {
  try {
    return (await chrome.storage.managed.get(null)) ?? {};
  } catch {
    return {};
  }
}

/** Calls `listener` whenever the administrator's policy changes. Returns the function that stops listening. */
export function watchManagedPolicy(listener: () => void): () => void {
  const onChanged = (_changes: unknown, area: string): void => {
    if (area === 'managed') listener();
  };
  chrome.storage.onChanged.addListener(onChanged);
  return () => chrome.storage.onChanged.removeListener(onChanged);
}
