import { t } from '../i18n';

/** "Set by your administrator" under a control the policy sets; the control names it in aria-describedby. */
export function PolicyNote({ id }: { id: string }) {
  return (
    <small id={id} class="policy-note">
      {t('policySetByAdmin')}
    </small>
  );
}

/**
 * For a section whose fields the policy may set (`locked`: the fields it sets): `lock` gives a
 * control's props (disabled, named by its note) and `note` the note under it, or nothing.
 */
export function policyLocks<Field extends string>(locked: ReadonlySet<string>) {
  return {
    lock: (field: Field, id: string) => ({ disabled: locked.has(field), 'aria-describedby': policyNoteId(id, locked.has(field)) }),
    note: (field: Field, id: string) => (locked.has(field) ? <PolicyNote id={`${id}-policy`} /> : null),
  };
}

/** The id of a control's policy note, to add to its aria-describedby, or undefined when it is the agent's. */
export function policyNoteId(id: string, locked: boolean): string | undefined {
  return locked ? `${id}-policy` : undefined;
}
