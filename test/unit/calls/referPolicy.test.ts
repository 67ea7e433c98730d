import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { decideRefer, type ReferContext } from '../../../src/calls/referPolicy';

const base: ReferContext = {
  targetUser: '+3225551234',
  targetHost: 'company.axivox.com',
  accountDomain: 'company.axivox.com',
  serverHost: 'pabx.axivox.com',
  doNotDisturb: false,
  liveCalls: 1,
  alreadyAsking: false,
};

describe('a far end asks to transfer the agent (REFER)', () => {
  test.each<[string, Partial<ReferContext>, ReturnType<typeof decideRefer>]>([
    ["a number in the account's domain is put to the agent", {}, { ask: true, number: '+3225551234' }],
    ["an extension at the PBX's server host too", { targetUser: '102', targetHost: 'PABX.axivox.com' }, { ask: true, number: '102' }],
    ['another domain is refused', { targetHost: 'premium.example' }, { ask: false, reason: 'other_domain' }],
    ['a call-forwarding code is refused', { targetUser: '*21*0900123456#' }, { ask: false, reason: 'feature_code' }],
    ['a hash code is refused', { targetUser: '#21#' }, { ask: false, reason: 'feature_code' }],
    ['a code hidden after digits is refused', { targetUser: '0032*21' }, { ask: false, reason: 'feature_code' }],
    ['a name is not a number', { targetUser: 'voicemail' }, { ask: false, reason: 'not_a_number' }],
    ['no user at all', { targetUser: null }, { ask: false, reason: 'not_a_number' }],
    ['do not disturb refuses', { doNotDisturb: true }, { ask: false, reason: 'do_not_disturb' }],
    ['a second request on the same call is refused', { alreadyAsking: true }, { ask: false, reason: 'already_asking' }],
    ['two calls already: the limit refuses', { liveCalls: 2 }, { ask: false, reason: 'too_many_calls' }],
  ])('%s', (_, context, decision) => {
    expect(decideRefer({ ...base, ...context })).toEqual(decision);
  });

  test("whatever the Refer-To, the agent is only asked about a plain number of the account's PBX", () => {
    fc.assert(
      fc.property(fc.option(fc.string({ maxLength: 40 })), fc.constantFrom('company.axivox.com', 'pabx.axivox.com', 'evil.example', ''), (user, host) => {
        const decision = decideRefer({ ...base, targetUser: user, targetHost: host });
        if (!decision.ask) return true;
        return /^\+?\d{1,32}$/.test(decision.number) && host !== 'evil.example' && host !== '';
      }),
    );
  });
});
