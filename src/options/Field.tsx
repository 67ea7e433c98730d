import type { ComponentChildren, TargetedEvent } from 'preact';
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
  type?: 'text' | 'url' | 'password' | 'textarea';
  /** The keyboard a touch screen shows (a phone number's, a web address's). */
  inputMode?: 'tel' | 'url';
  /** Set by the administrator's policy: shown, read-only, and said so. */
  locked?: boolean;
  value: string;
  onInput(value: string): void;
  /** What follows the control's notes inside its field (e.g. a site access control). */
  children?: ComponentChildren;
}

/** One labelled text control of a settings form, with its hint and its error tied to it for assistive technology. */
export function Field({ id, name, label, hint, warning, error, type = 'text', inputMode, locked = false, value, onInput, children }: FieldProps) {
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
      ) : type === 'url' ? (
        <input type="url" inputMode={inputMode} autoComplete="off" spellcheck={false} {...common} />
      ) : (
        <input type="text" inputMode={inputMode} autoComplete="off" spellcheck={false} {...common} />
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
      {children}
    </div>
  );
}
