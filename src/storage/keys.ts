import * as v from 'valibot';
import { type AgentStatus, readyStatus, storedAgentStatus } from '../aftercall/agentStatus';
import { type CallNotes, storedCallNotes } from '../aftercall/notes';
import { emptyOutboxState, type OutboxState, storedOutboxState } from '../aftercall/outboxState';
import { type AfterCallSettings, defaultAfterCallSettings, storedAfterCallSettings } from '../aftercall/settings';
import { callerIdDraftOf } from '../callerid/draft';
import type { CallerIdConfig } from '../callerid/types';
import { type RecentCall, storedRecentCalls } from '../calls/recentCalls';
import { type SoftphoneSnapshot, storedSnapshot } from '../calls/snapshot';
import { type PendingNumber, storedPendingNumber } from '../clicktocall/pending';
import { type ClickToCallSettings, clickToCallSettingsOrDefaults, defaultClickToCallSettings } from '../clicktocall/settings';
import { type ColleagueSettings, emptyColleagueSettings, storedColleagueSettings } from '../colleagues/settings';
import { type CardDavSource, type CardDavStatus, storedCardDavSources, storedCardDavStatus } from '../contacts/carddav/sources';
import { defaultScreenPopSettings, SCREEN_POP_MODES, type ScreenPopMode, type ScreenPopSettings, storedScreenPopSettings } from '../contacts/screenPop';
import { type PolicyState, storedPolicyState, unmanaged } from '../policy/state';
import { emptyQueueSettings, emptyQueueState, type QueueSettings, type QueueState, storedQueueSettings, storedQueueState } from '../queues';
import { defaultPreferences, type Preferences, preferencesOrDefaults } from '../settings/preferences';
import { KEPT_SNAPSHOT_NAME } from './earlyRead';

export type StorageArea = 'local' | 'session';

/**
 * One key of extension storage: where it lives, how what is stored there is read, and what it
 * reads as when nothing is stored. Reading never throws: a damaged value falls back field by
 * field (see each parser), never to a cast.
 */
export interface StorageKey<T> {
  readonly area: StorageArea;
  readonly name: string;
  readonly fallback: T;
  /** What a stored value (undefined: none) reads as. */
  read(stored: unknown): T;
}

function key<T>(area: StorageArea, name: string, fallback: T, parse: (stored: unknown) => T): StorageKey<T> {
  return { area, name, fallback, read: (stored) => (stored === undefined ? fallback : parse(stored)) };
}

function parsedOr<T>(schema: v.GenericSchema<unknown, T>, fallback: T): (stored: unknown) => T {
  return (stored) => {
    const parsed = v.safeParse(schema, stored);
    return parsed.success ? parsed.output : fallback;
  };
}

/** The account as stored: its settings without the password, and the key of that password in IndexedDB. */
export type StoredAccount = Record<string, unknown>;

/**
 * Every key the extension stores, each declared once. Any context may read them (src/storage/read.ts);
 * only the service worker writes them (src/storage/write.ts).
 */
export const storageKeys = {
  /** Read and written by accountStore.ts, which keeps the password apart. */
  account: key<StoredAccount | null>('local', 'account', null, parsedOr(v.nullable(v.record(v.string(), v.unknown())), null)),
  preferences: key<Preferences>('local', 'preferences', defaultPreferences, preferencesOrDefaults),
  /** As stored, field by field; parseCallerIdConfig says whether it is usable. */
  callerId: key<Partial<CallerIdConfig> | null>('local', 'callerId', null, callerIdDraftOf),
  queueSettings: key<QueueSettings>('local', 'queueSettings', emptyQueueSettings, storedQueueSettings),
  queueState: key<QueueState>('local', 'queueState', emptyQueueState, storedQueueState),
  recentCalls: key<RecentCall[]>('local', 'recentCalls', [], storedRecentCalls),
  /** When the agent last looked at the Recent tab: missed calls before it no longer count. */
  recentCallsSeenAt: key<number>('local', 'recentCallsSeenAt', 0, parsedOr(v.number(), 0)),
  /** Colleagues watched on the Colleagues tab, quick calls and the PBX's pickup code. */
  colleagueSettings: key<ColleagueSettings>('local', 'colleagueSettings', emptyColleagueSettings, storedColleagueSettings),
  clickToCall: key<ClickToCallSettings>('local', 'clickToCall', defaultClickToCallSettings, clickToCallSettingsOrDefaults),
  /** A number handed over by a page, waiting for the popup: gone with the browser session. */
  pendingNumber: key<PendingNumber | null>('session', 'pendingNumber', null, storedPendingNumber),
  /** The +sip.instance of each account registered from this browser (see sipInstances.ts). */
  sipInstances: key<Record<string, string>>('local', 'sipInstances', {}, parsedOr(v.record(v.string(), v.pipe(v.string(), v.uuid())), {})),
  /**
   * What the administrator's policy (storage.managed) sets and ignores, as the service worker last
   * checked it (src/background/policy.ts). The agent's own settings stay under their own keys;
   * readers lay this over them (withPolicy). Holds no password: the policy sets none.
   */
  policy: key<PolicyState>('local', 'policy', unmanaged, storedPolicyState),
  /** The CRM lookup URL template (`{e164}`, `{digits}`, `{number}`), '' when none. */
  crmLookupUrl: key<string>('local', 'crmLookupUrl', '', parsedOr(v.pipe(v.string(), v.maxLength(2000)), '')),
  /** The screen-pop mode as first stored, alone: read once into screenPopSettings (src/background/screenPop.ts). */
  screenPop: key<ScreenPopMode>('local', 'screenPop', 'off', parsedOr(v.picklist(SCREEN_POP_MODES), 'off')),
  /**
   * When the caller's record opens in a tab by itself (never, when the agent answers, when the call
   * rings), the record URL template and whether it opens for callers no source knows.
   */
  screenPopSettings: key<ScreenPopSettings>('local', 'screenPopSettings', defaultScreenPopSettings, storedScreenPopSettings),
  /** The calls whose record was opened already: never twice for one call. */
  screenPopOpened: key<string[]>('session', 'screenPopOpened', [], parsedOr(v.array(v.string()), [])),
  /** The softphone's latest snapshot, kept by the service worker so the popup's first frame shows it. */
  lastSnapshot: key<SoftphoneSnapshot | null>('session', KEPT_SNAPSHOT_NAME, null, storedSnapshot),
  /** The softphone's fallback popup window, closed before another is opened. */
  softphoneWindowId: key<number | null>('session', 'softphoneWindowId', null, parsedOr(v.nullable(v.number()), null)),
  /** CardDAV address books: URL, username, the key of the password (kept in IndexedDB), the books found. Never their cards. */
  cardDavSources: key<CardDavSource[]>('local', 'cardDavSources', [], storedCardDavSources),
  /** How each CardDAV source's syncs went (card count, times, last error), by source id. */
  cardDavStatus: key<Record<string, CardDavStatus>>('local', 'cardDavStatus', {}, storedCardDavStatus),
  /** Dispositions, wrap-up and the webhook (src/aftercall/settings.ts). */
  afterCallSettings: key<AfterCallSettings>('local', 'afterCallSettings', defaultAfterCallSettings, storedAfterCallSettings),
  /** Notes and disposition of each call, by call id, saved as the agent types. */
  callNotes: key<CallNotes>('local', 'callNotes', {}, storedCallNotes),
  /** Ready, wrap-up, not ready or do not disturb until a time: kept across browser restarts. */
  agentStatus: key<AgentStatus>('local', 'agentStatus', readyStatus, storedAgentStatus),
  /** How the webhook's outbox stands (the records themselves are in IndexedDB), for the views. */
  outboxState: key<OutboxState>('local', 'outboxState', emptyOutboxState, storedOutboxState),
};

/**
 * The address books live in the extension's IndexedDB, like the SIP password: storage.local can be
 * read by content scripts in Firefox, this database only by the extension's own pages. The local
 * address book is one value, so an import or a replace is written whole or not at all.
 */
export const contactsDatabase = { name: 'voip-widget-contacts', store: 'contacts', localBook: 'localBook' } as const;
