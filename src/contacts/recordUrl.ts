import type { CountryCode } from 'libphonenumber-js/min';
import type { CallSnapshot } from '../calls/snapshot';
import type { CardDavSource } from './carddav/sources';
import { numberKey } from './match';
import { expandRecordTemplate } from './recordTemplate';
import type { ScreenPopSettings } from './screenPop';

const CARDDAV_SOURCE_PREFIX = 'carddav:';

/** Each CardDAV source's own template, by the id its contacts carry (`carddav:<id>`). */
export function sourceTemplatesOf(sources: readonly CardDavSource[]): Record<string, string> {
  return Object.fromEntries(sources.flatMap((s) => (s.recordUrlTemplate ? [[`${CARDDAV_SOURCE_PREFIX}${s.id}`, s.recordUrlTemplate]] : [])));
}

/** What the record URL of a call is made from: the settings, each CardDAV source's own template, the home country. */
export interface RecordUrlContext {
  settings: Pick<ScreenPopSettings, 'recordUrlTemplate' | 'unknownCallers'>;
  /** By contact source id (`carddav:<id>`): the template for contacts from that source, overriding the global one. */
  sourceTemplates: Readonly<Record<string, string>>;
  homeCountry: CountryCode | null;
}

/**
 * The caller's record for a call: the CRM lookup's own `url` when it gave one, else the template
 * of the contact's source or the global one, filled with the call's values. For a caller no source
 * knows, the global template only when the settings say so, with only the number filled in.
 */
export function recordUrlOf(call: CallSnapshot, context: RecordUrlContext): string | null {
  const contact = call.contact;
  if (contact?.recordUrl) return contact.recordUrl;
  if (call.remoteNumber === '' || call.purpose !== 'call') return null;
  const key = numberKey(call.remoteNumber, context.homeCountry);
  const e164 = key?.startsWith('+') ? key : null;
  if (!contact) {
    if (!context.settings.unknownCallers || context.settings.recordUrlTemplate === '') return null;
    return expandRecordTemplate(context.settings.recordUrlTemplate, { e164, number: call.remoteNumber, name: null, uid: null });
  }
  const template = context.sourceTemplates[contact.sourceId] || context.settings.recordUrlTemplate;
  if (template === '') return null;
  const uid = contact.sourceId.startsWith(CARDDAV_SOURCE_PREFIX) ? contact.contactId : null;
  return expandRecordTemplate(template, { e164, number: call.remoteNumber, name: contact.name, uid });
}
