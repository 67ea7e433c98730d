import type { TargetedEvent } from 'preact';
import { PolicyNote } from '../ui/PolicyNote';

export interface FieldProps {
  /** The control's id; its hint and error take ids made from it. */
  id: string;
  name?: string;
  label: string;
  hint?: string;
  /** Shown under the control while its value is allowed but risky. */
  warning?: string;
  /** What is wrong with the value, shown under it and announced with the control. */
  error?: string;
  type?: 'text' | 'password' | 'textarea';
  /** Set by the administrator's policy: shown, read-only, and said so. */
  locked?: boolean;
  value: string;
  onInput(value: string): void;
}

/** One labelled text control of a settings form, with its hint and its error tied to it for assistive technology. */
export function Field({ id, name, label, hint, warning, error, type = 'text', locked = false, value, onInput }: FieldProps) {
  const describedBy =
    [locked ? `${id}-policy` : '', hint ? `${id}-hint` : '', warning ? `${id}-warning` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  const common = {
    id,
    name,
    readOnly: locked,
    'aria-invalid': error ? true : undefined,
    'aria-describedby': describedBy,
    value,
    onInput: (event: TargetedEvent<HTMLInputElement | HTMLTextAreaElement>) => onInput(event.currentTarget.value),
  };
  return (
    <div class="field">
      <label for={id}>{label}</label>
      {type === 'textarea' ? (
        <textarea rows={3} {...common} />
      ) : type === 'password' ? (
        <input type="password" autoComplete="current-password" {...common} />
      ) : (
        <input type="text" autoComplete="off" spellcheck={false} {...common} />
      )}
      {locked && <PolicyNote id={`${id}-policy`} />}
      {hint && (
        <small id={`${id}-hint`} class="hint">
          {hint}
        </small>
      )}
      {warning && (
        <small id={`${id}-warning`} class="field-warning" role="note">
          {warning}
        </small>
      )}
      {error && (
        <small id={`${id}-error`} class="field-error">
          {error}
        </small>
      )}
    </div>
  );
}
