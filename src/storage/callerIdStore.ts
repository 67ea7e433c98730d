import { type CallerIdConfig, type ParsedCallerIdConfig, parseCallerIdConfig } from '../callerid';
import { storageKeys } from './keys';
import { read } from './read';
import { writeStorage } from './write';

/** The stored caller ID settings, or null when none (or none valid) are stored. */
export async function loadCallerIdConfig(): Promise<CallerIdConfig | null> {
  const draft = await read(storageKeys.callerId);
  if (draft === null) return null;
  const parsed = parseCallerIdConfig(draft);
  return parsed.ok ? parsed.config : null;
}

/** Saves only valid settings: invalid ones change nothing stored. */
export async function saveCallerIdConfig(input: unknown): Promise<ParsedCallerIdConfig> {
  const parsed = parseCallerIdConfig(input);
  if (parsed.ok) await writeStorage((writer) => writer.set(storageKeys.callerId, parsed.config));
  return parsed;
}
