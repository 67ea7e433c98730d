import { parseCallerIdConfig, type CallerIdConfig } from '../callerid';
import { parseQueueSettings, type QueueSettings } from '../queues/settings';
import { parseAccountSettings, type AccountSettings } from './account';

export const CONFIGURATION_FILE_VERSION = 1;

/** What an administrator hands to every agent: each section optional. */
export interface ConfigurationFile {
  version: typeof CONFIGURATION_FILE_VERSION;
  callerId?: CallerIdConfig;
  account?: Omit<AccountSettings, 'password'> & { password?: string };
  queues?: QueueSettings;
}

export interface ImportedConfiguration {
  callerId?: CallerIdConfig;
  account?: AccountSettings;
  queues?: QueueSettings;
}

export type ParsedConfigurationFile = { ok: true; value: ImportedConfiguration; warnings: string[] } | { ok: false; errors: string[] };

const SECTIONS = ['version', 'callerId', 'account', 'queues'];

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Reads a configuration file (object or JSON text). Every section is checked before anything is
 * accepted, so a file with one mistake changes nothing. An account without a password keeps the
 * stored one. Never throws.
 */
export function parseConfigurationFile(input: unknown, storedPassword: string | null): ParsedConfigurationFile {
  let data = input;
  if (typeof input === 'string') {
    try {
      data = JSON.parse(input);
    } catch {
      return { ok: false, errors: ['The file is not JSON'] };
    }
  }
  if (!isRecord(data)) return { ok: false, errors: ['The file must hold a JSON object'] };
  const errors: string[] = [];
  const warnings: string[] = [];
  const value: ImportedConfiguration = {};
  if (data.version !== CONFIGURATION_FILE_VERSION) errors.push(`Unknown file version ${JSON.stringify(data.version)}: expected ${CONFIGURATION_FILE_VERSION}`);
  for (const key of Object.keys(data)) if (!SECTIONS.includes(key)) errors.push(`"${key}" is not a known section`);
  if (!('callerId' in data) && !('account' in data) && !('queues' in data)) errors.push('The file holds no settings');

  if ('callerId' in data) {
    const parsed = parseCallerIdConfig(data.callerId);
    if (parsed.ok) {
      value.callerId = parsed.config;
      warnings.push(...parsed.warnings.map((w) => `Caller ID: ${w}`));
    } else errors.push(...parsed.errors.map((e) => `Caller ID: ${e}`));
  }
  if ('account' in data) {
    const account = isRecord(data.account) ? data.account : {};
    const password = typeof account.password === 'string' && account.password !== '' ? account.password : storedPassword;
    if (password === null) errors.push('Account: the file has no SIP password and none is stored yet');
    else {
      const parsed = parseAccountSettings({ ...account, password });
      if (parsed.ok) value.account = parsed.value;
      else errors.push(...parsed.errors.map((e) => `Account: ${e.message}`));
    }
  }
  if ('queues' in data) {
    const parsed = parseQueueSettings(data.queues);
    if (parsed.ok) value.queues = parsed.value;
    else errors.push(...parsed.errors.map((e) => `Queues: ${e.queue === null ? '' : `queue ${e.queue + 1} `}${e.field} ${e.code.replace(/_/g, ' ')}`));
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, value, warnings };
}

/** The file to export; the SIP password only when asked for. */
export function buildConfigurationFile(settings: { callerId: CallerIdConfig | null; account: AccountSettings | null; queues: QueueSettings | null }, includePassword: boolean): ConfigurationFile {
  const file: ConfigurationFile = { version: CONFIGURATION_FILE_VERSION };
  if (settings.callerId) file.callerId = settings.callerId;
  if (settings.account) {
    const { password, ...rest } = settings.account;
    file.account = includePassword ? { ...rest, password } : rest;
  }
  if (settings.queues) file.queues = settings.queues;
  return file;
}
