import { classifyDialString } from './dialString';

/**
 * What a pasted number becomes in the number field: "+32 (0)2 555.12.34" -> "+3225551234",
 * "0044 20 7946 0958" -> "+442079460958", "02/555 12 34" -> "025551234". Text that is not a
 * number is kept as pasted, so the agent sees what was wrong with it.
 */
export function cleanPastedNumber(text: string): string {
  const dial = classifyDialString(text);
  switch (dial.kind) {
    case 'international':
      return `+${dial.digits.slice(2)}`;
    case 'national':
      return dial.digits;
    case 'internal':
      return dial.destination;
    case 'invalid':
      return text.trim();
  }
}
