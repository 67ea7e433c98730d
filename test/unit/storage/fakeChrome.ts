/**
 * Just enough of chrome.storage for the storage module's unit tests: two areas, change events,
 * and a delay each call may be given, to make races happen in a chosen order.
 */
type Listener = (changes: Record<string, chrome.storage.StorageChange>, area: string) => void;

export interface FakeChrome {
  local: Map<string, unknown>;
  session: Map<string, unknown>;
  /** Milliseconds each storage call waits before it acts (0: none). */
  delayMs: number;
}

const wait = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

export function installFakeChrome(): FakeChrome {
  const fake: FakeChrome = { local: new Map(), session: new Map(), delayMs: 0 };
  const listeners = new Set<Listener>();
  const area = (name: 'local' | 'session') => {
    const data = fake[name];
    const emit = (changes: Record<string, chrome.storage.StorageChange>): void => {
      for (const listener of [...listeners]) listener(structuredClone(changes), name);
    };
    return {
      async get(keys: string | string[] | null) {
        await wait(fake.delayMs);
        const names = keys === null ? [...data.keys()] : typeof keys === 'string' ? [keys] : keys;
        return Object.fromEntries(names.filter((k) => data.has(k)).map((k) => [k, structuredClone(data.get(k))]));
      },
      async set(items: Record<string, unknown>) {
        await wait(fake.delayMs);
        const changes: Record<string, chrome.storage.StorageChange> = {};
        for (const [k, value] of Object.entries(items)) {
          changes[k] = { oldValue: data.get(k), newValue: structuredClone(value) };
          data.set(k, structuredClone(value));
        }
        emit(changes);
      },
      async remove(keys: string | string[]) {
        await wait(fake.delayMs);
        const changes: Record<string, chrome.storage.StorageChange> = {};
        for (const k of typeof keys === 'string' ? [keys] : keys) {
          if (!data.has(k)) continue;
          changes[k] = { oldValue: data.get(k) };
          data.delete(k);
        }
        if (Object.keys(changes).length > 0) emit(changes);
      },
    };
  };
  (globalThis as { chrome?: unknown }).chrome = {
    storage: {
      local: area('local'),
      session: area('session'),
      onChanged: { addListener: (l: Listener) => listeners.add(l), removeListener: (l: Listener) => listeners.delete(l) },
    },
  };
  return fake;
}
