import * as v from 'valibot';
import type { CallerIdConfig } from './types';

// Kept apart from the full parser (and libphonenumber): the popup and storage read drafts too.
const draftFields = {
  defaultOutgoingNumber: v.string(),
  incomingNumbers: v.pipe(
    v.array(v.unknown()),
    v.transform((numbers) => numbers.filter((n): n is string => typeof n === 'string')),
  ),
  userOutgoingNumber: v.string(),
  advancedRules: v.pipe(
    v.array(v.unknown()),
    v.transform((rules) =>
      rules
        .filter((rule): rule is { prefix: string; number: string } => v.is(v.object({ prefix: v.string(), number: v.string() }), rule))
        .map(({ prefix, number }) => ({ prefix, number })),
    ),
  ),
  applyRulesToAllUsers: v.boolean(),
  homeCountry: v.string(),
};

/**
 * Stored caller ID settings as they are, field by field, checked for type only: a damaged field
 * is left out (a damaged number or rule in a list too), the others are kept. Null when nothing
 * usable is stored. The settings form shows this; parseCallerIdConfig says whether it is usable.
 */
export function callerIdDraftOf(input: unknown): Partial<CallerIdConfig> | null {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) return null;
  const record = input as Record<string, unknown>;
  const draft: Partial<CallerIdConfig> = {};
  for (const name of Object.keys(draftFields) as (keyof typeof draftFields)[]) {
    const parsed = v.safeParse(draftFields[name], record[name]);
    if (parsed.success) Object.assign(draft, { [name]: parsed.output });
  }
  return draft;
}
