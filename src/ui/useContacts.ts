import { useEffect, useLayoutEffect, useState } from 'preact/hooks';
import type { Contact } from '../contacts/contact';
import { onBroadcast, request } from '../protocol/client';
import type { ContactSearchResult } from '../protocol/contacts';

/** A counter that moves whenever an address book changes, for hooks that must ask again. */
function useContactsVersion(): number {
  const [version, setVersion] = useState(0);
  useEffect(
    () =>
      onBroadcast((message) => {
        if (message.event === 'contactsChanged') setVersion((n) => n + 1);
      }),
    [],
  );
  return version;
}

/**
 * The contacts matching `query`, searched by the softphone's document (the index never comes to
 * the page); an answer to an older query is dropped. Null until the first answer, or when nobody
 * can answer.
 */
export function useContactSearch(query: string, limit = 30): ContactSearchResult | null {
  const [result, setResult] = useState<ContactSearchResult | null>(null);
  const version = useContactsVersion();
  // A layout effect asks at once after the keystroke's render; a plain effect would wait for the next frame.
  useLayoutEffect(() => {
    let current = true;
    const payload = { query: query.slice(0, 200), limit };
    // Straight to the softphone's document when it is up (one hop less per keystroke); through the service worker, which starts it, when not.
    request('offscreen', 'searchContacts', payload)
      .catch(() => request('background', 'searchContacts', payload))
      .then((found) => current && setResult(found))
      .catch(() => current && setResult(null));
    return () => {
      current = false;
    };
  }, [query, limit, version]);
  return result;
}

/** The contact behind each number, by number; asked again when an address book changes. */
export function useContactsForNumbers(numbers: readonly string[]): ReadonlyMap<string, Contact> {
  const [found, setFound] = useState<ReadonlyMap<string, Contact>>(new Map());
  const version = useContactsVersion();
  const unique = [...new Set(numbers)].slice(0, 1000);
  const key = unique.join('\n');
  useEffect(() => {
    let current = true;
    if (unique.length === 0) return;
    request('background', 'contactsForNumbers', { numbers: unique })
      .then((contacts) => {
        if (!current) return;
        const map = new Map<string, Contact>();
        contacts.forEach((c, i) => {
          if (c) map.set(unique[i] as string, c);
        });
        setFound(map);
      })
      .catch(() => undefined);
    return () => {
      current = false;
    };
  }, [key, version]);
  return found;
}
