import { type CountryCode, parsePhoneNumberFromString } from 'libphonenumber-js/min';

/**
 * A number as a person reads it: "+3225550103" gives "+32 2 555 01 03", and in Belgium
 * "025550103" gives "02 555 01 03". Extensions, service numbers and anything that is not a valid
 * number of its country are shown as they are: grouping them would only mislead.
 */
export function readableNumber(number: string, homeCountry: CountryCode | null): string {
  if (!/^\+?\d{6,17}$/.test(number)) return number;
  const parsed = number.startsWith('+') ? parsePhoneNumberFromString(number) : homeCountry && parsePhoneNumberFromString(number, homeCountry);
  if (!parsed?.isValid()) return number;
  const shown = number.startsWith('+') ? parsed.formatInternational() : parsed.formatNational();
  // Spaces only: a trunk prefix added (or a digit dropped) would show another number than the one dialled.
  return shown.replace(/ /g, '') === number ? shown : number;
}
