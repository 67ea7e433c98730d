import type { CallerIdConfig } from '../../../src/callerid';

export const BRUSSELS_MAIN = '+3225551234';
export const BRUSSELS_DIRECT = '+3225559999';
export const LONDON = '+442079460958';
export const MANCHESTER = '+441614960000';
export const PARIS = '+33144556677';
export const ANTWERP = '+3232001122';

/** A Belgian company with local-presence numbers in London, Manchester and Paris. */
export function company(overrides: Partial<CallerIdConfig> = {}): CallerIdConfig {
  return {
    defaultOutgoingNumber: BRUSSELS_MAIN,
    incomingNumbers: [BRUSSELS_MAIN, BRUSSELS_DIRECT, LONDON, MANCHESTER, PARIS, ANTWERP],
    userOutgoingNumber: 'default',
    advancedRules: [
      { prefix: '0044161', number: MANCHESTER },
      { prefix: '0044', number: LONDON },
      { prefix: '0033', number: PARIS },
    ],
    applyRulesToAllUsers: false,
    homeCountry: 'BE',
    ...overrides,
  };
}
