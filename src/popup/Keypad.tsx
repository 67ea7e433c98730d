import type { TargetedEvent } from 'preact';
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { t } from '../i18n';
import { cleanPastedNumber } from '../numbers/paste';
import { CallerIdLine } from '../ui/CallerIdLine';
import { Icon } from '../ui/icons';
import { useCallerId } from '../ui/useCallerId';

const KEYS: [string, string][] = [
  ['1', ''],
  ['2', 'ABC'],
  ['3', 'DEF'],
  ['4', 'GHI'],
  ['5', 'JKL'],
  ['6', 'MNO'],
  ['7', 'PQRS'],
  ['8', 'TUV'],
  ['9', 'WXYZ'],
  ['*', ''],
  ['0', '+'],
  ['#', ''],
];

export interface KeypadProps {
  disabled: boolean;
  onCall(number: string): void;
  /** A number to start with (e.g. one clicked on a web page), for the agent to confirm. */
  initialNumber?: string;
}

export function Keypad({ disabled, onCall, initialNumber = '' }: KeypadProps) {
  const [number, setNumber] = useState(initialNumber);
  const input = useRef<HTMLInputElement>(null);
  const callerId = useCallerId(number);
  useEffect(() => {
    if (initialNumber !== '') setNumber(initialNumber);
  }, [initialNumber]);
  // As autofocus would, but in the frame that first shows the field rather than the one after.
  useLayoutEffect(() => {
    if (document.activeElement === null || document.activeElement === document.body) input.current?.focus();
  }, []);

  const press = (key: string): void => {
    setNumber((current) => current + key);
    input.current?.focus();
  };
  const submit = (event: TargetedEvent<HTMLFormElement>): void => {
    event.preventDefault();
    if (number.trim() !== '') onCall(number);
  };

  return (
    <form class="keypad" onSubmit={submit} aria-label={t('keypadLabel')}>
      <div class="number-row">
        <input
          ref={input}
          class="number-input"
          type="tel"
          inputMode="tel"
          autoComplete="off"
          aria-label={t('numberToCall')}
          placeholder={t('numberPlaceholder')}
          value={number}
          onInput={(event) => setNumber(event.currentTarget.value)}
          onPaste={(event) => {
            const pasted = event.clipboardData?.getData('text') ?? '';
            if (pasted === '') return;
            event.preventDefault();
            setNumber(cleanPastedNumber(pasted));
          }}
          autoFocus
        />
        <button type="button" class="icon-button" aria-label={t('deleteDigit')} disabled={number === ''} onClick={() => setNumber((n) => n.slice(0, -1))}>
          <Icon name="backspace" />
        </button>
      </div>
      <CallerIdLine resolved={callerId} />
      <div class="digits" role="group" aria-label={t('dialpad')}>
        {KEYS.map(([digit, letters]) => (
          <button type="button" class="digit" key={digit} onClick={() => press(digit)}>
            <span class="digit-main">{digit}</span>
            <span class="digit-letters" aria-hidden="true">
              {letters}
            </span>
          </button>
        ))}
      </div>
      <button type="submit" class="call-button" disabled={disabled || number.trim() === ''}>
        {t('call')}
      </button>
    </form>
  );
}
