import * as v from 'valibot';
import type { CardDavError } from './errors';

/** One CardDAV account as the settings keep it: the password apart (see cardDavStore.ts). */
export interface CardDavSource {
  id: string;
  /** The URL the agent typed: a server, a principal, a home or an address book. */
  url: string;
  username: string;
  /** Where the password is kept in the extension's IndexedDB. */
  passwordKey: string;
  /** The address books discovery found under the URL. */
  addressBooks: { url: string; displayName: string }[];
  /** The "open the caller's record" URL template for this source's contacts, over the global one. */
  recordUrlTemplate?: string;
  /** Set by the administrator's policy: kept in line with it, not removed by the agent. */
  managed?: boolean;
  /** A policy source whose policy gives no password: the agent enters it. */
  needsPassword?: boolean;
}

/** How the last syncs of one source went, for the settings page. */
export interface CardDavStatus {
  cards: number;
  /** The end of the last sync that succeeded (ms since the epoch). */
  lastSyncAt: number | null;
  lastAttemptAt: number | null;
  /** Set while a sync runs. */
  syncing: boolean;
  /** The last attempt's error; null once a sync succeeded. The cards stay as the last good sync left them. */
  error: CardDavError | null;
  /** Cards the last sync skipped (too large, or announced but not delivered). */
  skipped: number;
}

export const idleStatus: CardDavStatus = { cards: 0, lastSyncAt: null, lastAttemptAt: null, syncing: false, error: null, skipped: 0 };

const sourceSchema = v.object({
  id: v.string(),
  url: v.string(),
  username: v.string(),
  passwordKey: v.string(),
  addressBooks: v.array(v.object({ url: v.string(), displayName: v.string() })),
  recordUrlTemplate: v.optional(v.string()),
  managed: v.optional(v.boolean()),
  needsPassword: v.optional(v.boolean()),
});

/** Stored sources, each read on its own: a damaged entry drops that source, not the list. */
export function storedCardDavSources(stored: unknown): CardDavSource[] {
  if (!Array.isArray(stored)) return [];
  return stored.flatMap((s) => {
    const parsed = v.safeParse(sourceSchema, s);
    return parsed.success ? [parsed.output] : [];
  });
}

const statusSchema = v.object({
  cards: v.number(),
  lastSyncAt: v.nullable(v.number()),
  lastAttemptAt: v.nullable(v.number()),
  syncing: v.boolean(),
  error: v.nullable(v.looseObject({ code: v.string() })),
  skipped: v.number(),
});

export function storedCardDavStatus(stored: unknown): Record<string, CardDavStatus> {
  if (typeof stored !== 'object' || stored === null) return {};
  const out: Record<string, CardDavStatus> = {};
  for (const [id, status] of Object.entries(stored)) {
    const parsed = v.safeParse(statusSchema, status);
    if (parsed.success) out[id] = parsed.output as CardDavStatus;
  }
  return out;
}

/** What the agent types to add a source, checked before anything is asked of the server. */
export type CardDavInputProblem = 'url_invalid' | 'url_not_http' | 'username_missing' | 'password_missing' | 'already_added';

export interface CardDavInput {
  url: string;
  username: string;
  password: string;
}

export function checkCardDavInput(input: CardDavInput): { ok: true; url: string } | { ok: false; field: keyof CardDavInput; problem: CardDavInputProblem } {
  let url: URL;
  try {
    url = new URL(input.url.trim());
  } catch {
    return { ok: false, field: 'url', problem: 'url_invalid' };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return { ok: false, field: 'url', problem: 'url_not_http' };
  if (input.username.trim() === '') return { ok: false, field: 'username', problem: 'username_missing' };
  if (input.password === '') return { ok: false, field: 'password', problem: 'password_missing' };
  url.hash = '';
  return { ok: true, url: url.href };
}

/** Whether two sources are one account on one server (their URLs equal but for a last slash). */
export function sameCardDavAccount(a: { url: string; username: string }, b: { url: string; username: string }): boolean {
  return a.url.replace(/\/$/, '') === b.url.replace(/\/$/, '') && a.username === b.username;
}

/** Whether a source for this URL and user is there already: adding it again would list every card twice. */
export function isAlreadyAdded(sources: readonly CardDavSource[], url: string, username: string): boolean {
  return sources.some((s) => sameCardDavAccount(s, { url, username }));
}

/** The host permission pattern that lets the extension reach a server. */
export function originPattern(url: string): string {
  return `${new URL(url).origin}/*`;
}
