import * as v from 'valibot';
import type { CallerIdResult } from '../callerid';
import type { ConfigurationFile, ImportChange } from '../settings/configurationFile';

export const callerIdRequests = {
  /** The caller ID the PBX will present for a dialed string, with the reason in plain words. */
  resolveCallerId: v.object({ dialed: v.pipe(v.string(), v.maxLength(64)) }),
  saveCallerIdConfig: v.object({ config: v.unknown() }),
  exportConfiguration: v.object({ includePassword: v.boolean() }),
  /** What importing `file` would change; writes nothing. */
  previewConfiguration: v.object({ file: v.unknown() }),
  importConfiguration: v.object({ file: v.unknown() }),
};

export interface ResolvedCallerId {
  result: CallerIdResult;
  /** The matching rule's prefix in 00 form, for the views to word the reason. */
  rulePrefix: string | null;
}

export interface CallerIdResponses {
  /** Null while no caller ID settings are stored. */
  resolveCallerId: ResolvedCallerId | null;
  saveCallerIdConfig: { ok: true; warnings: string[] } | { ok: false; errors: string[] };
  exportConfiguration: ConfigurationFile;
  previewConfiguration: { ok: true; sections: string[]; changes: ImportChange[]; warnings: string[] } | { ok: false; errors: string[] };
  importConfiguration: { ok: true; sections: string[]; warnings: string[] } | { ok: false; errors: string[] };
}
