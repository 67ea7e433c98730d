import * as v from 'valibot';

export interface IceServer {
  urls: string;
  username?: string;
  credential?: string;
}

/** The user's SIP identifiers (from the PBX console) and how to reach the PBX. */
export interface AccountSettings {
  username: string;
  password: string;
  domain: string;
  websocketUrl: string;
  displayName: string;
  iceServers: IceServer[];
  enabled: boolean;
}

/** The checks with a message of ours: each message is the code the views word. */
const ACCOUNT_ERROR_CODES = [
  'username_required',
  'username_too_long',
  'username_characters',
  'password_required',
  'password_too_long',
  'domain_required',
  'domain_invalid',
  'websocket_required',
  'websocket_invalid',
  'websocket_unencrypted',
  'display_name_too_long',
  'ice_server_invalid',
  'ice_servers_too_many',
] as const;

/** What is wrong with an account setting, as a code the views word ('invalid': a check without a message of ours). */
export type AccountErrorCode = (typeof ACCOUNT_ERROR_CODES)[number] | 'invalid';

export interface FieldError {
  field: keyof AccountSettings | 'form';
  code: AccountErrorCode;
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; errors: FieldError[] };

const hostname = /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*$/i;
const ipv4 = /^\d{1,3}(\.\d{1,3}){3}$/;

/** Names that never resolve on the public internet (RFC 2606, 6761, 6762, 8375; ICANN's .internal). */
const PRIVATE_SUFFIXES = ['.localhost', '.test', '.local', '.internal', '.home.arpa'];

/**
 * A host an unencrypted connection stays on this machine or a private network for: loopback,
 * private and link-local addresses, and names reserved for private use. Not a public server.
 */
export function isPrivateTestHost(hostname: string): boolean {
  const host = hostname
    .toLowerCase()
    .replace(/^\[|\]$/g, '')
    .replace(/\.$/, '');
  if (host === 'localhost' || PRIVATE_SUFFIXES.some((suffix) => host.endsWith(suffix))) return true;
  const v4 = /^(\d{1,3})\.(\d{1,3})\.\d{1,3}\.\d{1,3}$/.exec(host);
  if (v4) {
    const [a, b] = [Number(v4[1]), Number(v4[2])];
    return a === 127 || a === 10 || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168) || (a === 169 && b === 254);
  }
  // IPv6: loopback, unique local (fc00::/7), link-local (fe80::/10).
  return host === '::1' || /^f[cd][0-9a-f]{0,2}:/.test(host) || /^fe[89ab][0-9a-f]?:/.test(host);
}

function webSocketUrl(value: string): URL | null {
  try {
    const url = new URL(value);
    return (url.protocol === 'wss:' || url.protocol === 'ws:') && url.hostname !== '' && url.username === '' && url.password === '' ? url : null;
  } catch {
    return null;
  }
}

/** wss://, or ws:// to a test server on this machine or a private network. */
function isWebSocketUrl(value: string): boolean {
  const url = webSocketUrl(value);
  return url !== null && (url.protocol === 'wss:' || isPrivateTestHost(url.hostname));
}

/**
 * Whether the SIP traffic to this URL crosses the network unencrypted (ws://): the settings page
 * warns about it, even for the private hosts where it is allowed.
 */
export function isUnencryptedWebSocket(value: string): boolean {
  return webSocketUrl(value.trim())?.protocol === 'ws:';
}

const IceServerSchema = v.object({
  urls: v.pipe(v.string(), v.trim(), v.regex(/^(stuns?|turns?):[^\s]+$/, 'ice_server_invalid')),
  username: v.optional(v.pipe(v.string(), v.maxLength(256))),
  credential: v.optional(v.pipe(v.string(), v.maxLength(256))),
});

export const AccountSettingsSchema = v.object({
  username: v.pipe(
    v.string('username_required'),
    v.trim(),
    v.nonEmpty('username_required'),
    v.maxLength(64, 'username_too_long'),
    v.regex(/^[A-Za-z0-9._~!$&'()*+,;=%-]+$/, 'username_characters'),
  ),
  password: v.pipe(v.string('password_required'), v.nonEmpty('password_required'), v.maxLength(256, 'password_too_long')),
  domain: v.pipe(
    v.string('domain_required'),
    v.trim(),
    v.toLowerCase(),
    v.nonEmpty('domain_required'),
    v.check((d) => hostname.test(d) || ipv4.test(d), 'domain_invalid'),
  ),
  websocketUrl: v.pipe(
    v.string('websocket_required'),
    v.trim(),
    v.nonEmpty('websocket_required'),
    v.check((url) => webSocketUrl(url) !== null, 'websocket_invalid'),
    v.check(isWebSocketUrl, 'websocket_unencrypted'),
  ),
  displayName: v.optional(v.pipe(v.string(), v.trim(), v.maxLength(64, 'display_name_too_long')), ''),
  iceServers: v.optional(v.pipe(v.array(IceServerSchema), v.maxLength(8, 'ice_servers_too_many')), []),
  enabled: v.optional(v.boolean(), true),
});

/** Checks and normalises account settings from any source (form, storage, import). Never throws. */
export function parseAccountSettings(input: unknown): Parsed<AccountSettings> {
  const result = v.safeParse(AccountSettingsSchema, input);
  if (result.success) return { ok: true, value: result.output as AccountSettings };
  const errors: FieldError[] = [];
  for (const issue of result.issues) {
    const key = issue.path?.[0]?.key;
    const field = typeof key === 'string' && key in emptyAccount ? (key as keyof AccountSettings) : 'form';
    // Checks without a message of ours (a wrong type, a too long TURN credential) say valibot's English.
    const code = (ACCOUNT_ERROR_CODES as readonly string[]).includes(issue.message) ? (issue.message as AccountErrorCode) : 'invalid';
    if (!errors.some((e) => e.field === field)) errors.push({ field, code });
  }
  return { ok: false, errors };
}

export const emptyAccount: AccountSettings = {
  username: '',
  password: '',
  domain: '',
  websocketUrl: '',
  displayName: '',
  iceServers: [],
  enabled: true,
};

/** "stun:host:3478" or "turn:host:3478 user secret", one server a line. */
export function parseIceServerLines(text: string): IceServer[] {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .map((line) => {
      const [urls = '', username, credential] = line.split(/\s+/);
      return username === undefined ? { urls } : { urls, username, credential: credential ?? '' };
    });
}

export function formatIceServerLines(servers: IceServer[]): string {
  return servers.map((s) => [s.urls, s.username, s.credential].filter((x) => x !== undefined).join(' ')).join('\n');
}

/** Whether two accounts would register the same way (a change of these needs a new registration). */
/**
 * What a change of account settings takes: nothing; applying in place (the display name and ICE
 * servers serve the next call, and never need a new registration); or a new registration.
 */
export type AccountChange = 'none' | 'in-place' | 'new-registration';

export function accountChange(before: AccountSettings | null, after: AccountSettings | null): AccountChange {
  if (before === null || after === null) return before === after ? 'none' : 'new-registration';
  const { displayName: _a, iceServers: _b, ...registrationOf } = before;
  const { displayName: _c, iceServers: _d, ...registrationAfter } = after;
  if (JSON.stringify(registrationOf) !== JSON.stringify(registrationAfter)) return 'new-registration';
  return JSON.stringify(before) === JSON.stringify(after) ? 'none' : 'in-place';
}

export function accountAddress(account: Pick<AccountSettings, 'username' | 'domain'>): string {
  return `${account.username}@${account.domain}`;
}
