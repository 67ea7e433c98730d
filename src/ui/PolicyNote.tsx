import { t } from '../i18n';

/** "Set by your administrator" under a control the policy sets; the control names it in aria-describedby. */
export function PolicyNote({ id }: { id: string }) {
  return (
    <small id={id} class="policy-note">
      {t('policySetByAdmin')}
    </small>
  );
}

/** The id of a control's policy note, to add to its aria-describedby, or undefined when it is the agent's. */
export function policyNoteId(id: string, locked: boolean): string | undefined {
  return locked ? `${id}-policy` : undefined;
}
