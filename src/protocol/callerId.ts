import * as v from 'valibot';
import type { CallerIdResult } from '../callerid';
import type { CallerIdIssue } from '../callerid/issues';
import type { ConfigurationFile, ConfigurationFileIssue, ImportChange } from '../settings/configurationFile';

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
  saveCallerIdConfig: { ok: true; warnings: CallerIdIssue[] } | { ok: false; errors: CallerIdIssue[] };
  exportConfiguration: ConfigurationFile;
  previewConfiguration:
    | { ok: true; sections: string[]; changes: ImportChange[]; warnings: ConfigurationFileIssue[] }
    | { ok: false; errors: ConfigurationFileIssue[] };
  importConfiguration: { ok: true; sections: string[]; warnings: ConfigurationFileIssue[] } | { ok: false; errors: ConfigurationFileIssue[] };
}
