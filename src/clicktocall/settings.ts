import * as v from 'valibot';
import { perField } from '../settings/perField';

/** Where click-to-call runs and what a click on a call button does. */
export interface ClickToCallSettings {
  /** Every http(s) site, with the matching optional host permission. */
  allSites: boolean;
  /** Sites the agent enabled one by one, as "https://host" (any port). */
  sites: string[];
  /** A trusted click on a call button dials at once instead of opening the softphone to confirm. */
  callAtOnce: boolean;
}

export const defaultClickToCallSettings: ClickToCallSettings = { allSites: false, sites: [], callAtOnce: false };

export const ALL_SITES_PATTERNS = ['http://*/*', 'https://*/*'];
const MAX_SITES = 500;

/** "https://crm.example.com" for any http(s) URL of that host, or null for other URLs. */
export function siteOf(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return null;
  if (parsed.hostname === '') return null;
  return `${parsed.protocol}//${parsed.hostname}`;
}

/** The match pattern (and host permission) for a site: without a port, it matches every port. */
export function sitePattern(site: string): string {
  return `${site}/*`;
}

export function contentScriptMatches(settings: ClickToCallSettings): string[] {
  return settings.allSites ? ALL_SITES_PATTERNS : settings.sites.map(sitePattern);
}

export function isEnabledOn(settings: ClickToCallSettings, site: string): boolean {
  return settings.allSites || settings.sites.includes(site);
}

export function withSite(settings: ClickToCallSettings, site: string, enabled: boolean): ClickToCallSettings {
  const others = settings.sites.filter((s) => s !== site);
  return { ...settings, sites: enabled ? [...others, site].slice(-MAX_SITES) : others };
}

const Site = v.pipe(
  v.string(),
  v.maxLength(300),
  v.check((s) => siteOf(s) === s, 'not a site'),
);

const SettingsSchema = v.object({
  allSites: v.optional(v.boolean(), false),
  sites: v.optional(v.pipe(v.array(Site), v.maxLength(MAX_SITES)), []),
  callAtOnce: v.optional(v.boolean(), false),
});

/** Stored sites read one by one: a damaged entry is left out, the others still run. */
const StoredSites = v.pipe(
  v.array(v.unknown()),
  v.transform((sites) => [...new Set(sites.filter((site): site is string => v.is(Site, site)))].slice(-MAX_SITES)),
);

/** What is stored, read leniently: a damaged field falls back to "off", the others are kept. */
export function clickToCallSettingsOrDefaults(input: unknown): ClickToCallSettings {
  return perField({ ...SettingsSchema.entries, sites: StoredSites }, defaultClickToCallSettings, input);
}

export function parseClickToCallSettings(input: unknown): { ok: true; value: ClickToCallSettings } | { ok: false; error: string } {
  const parsed = v.safeParse(SettingsSchema, input ?? {});
  return parsed.success
    ? { ok: true, value: { ...parsed.output, sites: [...new Set(parsed.output.sites)] } }
    : { ok: false, error: parsed.issues[0]?.message ?? 'invalid' };
}
