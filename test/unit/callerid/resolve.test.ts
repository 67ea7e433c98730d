import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { type CallerIdConfig, compileCallerIdConfig, resolveCallerId } from '../../../src/callerid';
import { PrefixTrie } from '../../../src/callerid/prefixTrie';
import type { CallerIdResult } from '../../../src/callerid/types';
import { callerIdProblemText } from '../../../src/i18n/errorText';
import { installEnglish } from '../i18n/englishMessages';
import { ANTWERP, BRUSSELS_DIRECT, BRUSSELS_MAIN, company, LONDON, MANCHESTER, PARIS } from './fixtures';

beforeAll(installEnglish);

/** The result as the agent reads it: an invalid one with its problem worded in English. */
function worded(result: CallerIdResult): unknown {
  return result.kind === 'invalid' ? { ...result, error: callerIdProblemText(result.error) } : result;
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('rule order', () => {
  it.each<[string, CallerIdConfig['advancedRules'], string, string | undefined, number | undefined]>([
    [
      'first match wins',
      [
        { prefix: '0044', number: LONDON },
        { prefix: '0033', number: PARIS },
      ],
      '+44 20 7946 0000',
      LONDON,
      0,
    ],
    [
      'a later rule can match',
      [
        { prefix: '0044', number: LONDON },
        { prefix: '0033', number: PARIS },
      ],
      '+33 1 44 55 66 00',
      PARIS,
      1,
    ],
    [
      'a later, longer prefix does not beat an earlier, shorter one',
      [
        { prefix: '0044', number: LONDON },
        { prefix: '0044161', number: MANCHESTER },
      ],
      '+44 161 496 0001',
      LONDON,
      0,
    ],
    [
      'an earlier, longer prefix wins where it matches',
      [
        { prefix: '0044161', number: MANCHESTER },
        { prefix: '0044', number: LONDON },
      ],
      '+44 161 496 0001',
      MANCHESTER,
      0,
    ],
    [
      'and the shorter one catches the rest',
      [
        { prefix: '0044161', number: MANCHESTER },
        { prefix: '0044', number: LONDON },
      ],
      '+44 20 7946 0001',
      LONDON,
      1,
    ],
    ['area prefix within the home country', [{ prefix: '00323', number: ANTWERP }], '03 200 11 00', ANTWERP, 0],
    [
      'longer prefix such as 003224',
      [
        { prefix: '003224', number: BRUSSELS_DIRECT },
        { prefix: '0032', number: ANTWERP },
      ],
      '02 455 00 00',
      BRUSSELS_DIRECT,
      0,
    ],
    [
      '003224 does not catch 003225',
      [
        { prefix: '003224', number: BRUSSELS_DIRECT },
        { prefix: '0032', number: ANTWERP },
      ],
      '02 555 00 00',
      ANTWERP,
      1,
    ],
    [
      'duplicate prefix: the first one',
      [
        { prefix: '0044', number: LONDON },
        { prefix: '0044', number: MANCHESTER },
      ],
      '+44 161 496 0001',
      LONDON,
      0,
    ],
    ['no rule matches: company default', [{ prefix: '0044', number: LONDON }], '+49 30 123456', BRUSSELS_MAIN, undefined],
    ['no rules at all', [], '+44 20 7946 0000', BRUSSELS_MAIN, undefined],
    ['prefix longer than the number', [{ prefix: '004420794600001', number: LONDON }], '+44 20 7946 0000', BRUSSELS_MAIN, undefined],
  ])('%s', (_, advancedRules, dialed, callerId, ruleIndex) => {
    const result = resolveCallerId(company({ advancedRules }), dialed);
    expect(result.kind).toBe('external');
    expect(result.callerId).toBe(callerId);
    if (result.kind === 'external') {
      expect(result.ruleIndex).toBe(ruleIndex);
      expect(result.source).toBe(ruleIndex === undefined ? 'default' : 'rule');
    }
  });
});

describe('who the rules apply to', () => {
  // Rules: 0044161 -> Manchester, 0044 -> London, 0033 -> Paris.
  it.each<[string, 'default' | string, boolean, string, string, 'rule' | 'user' | 'default']>([
    ['Default user, box off, rule hit', 'default', false, '+44 20 7946 0000', LONDON, 'rule'],
    ['Default user, box off, no rule', 'default', false, '+49 30 123456', BRUSSELS_MAIN, 'default'],
    ['Default user, box on, rule hit', 'default', true, '+44 20 7946 0000', LONDON, 'rule'],
    ['Default user, box on, no rule', 'default', true, '+49 30 123456', BRUSSELS_MAIN, 'default'],
    ['own number, box off, rule would hit', BRUSSELS_DIRECT, false, '+44 20 7946 0000', BRUSSELS_DIRECT, 'user'],
    ['own number, box off, no rule', BRUSSELS_DIRECT, false, '+49 30 123456', BRUSSELS_DIRECT, 'user'],
    ['own number, box on, rule hit', BRUSSELS_DIRECT, true, '+44 20 7946 0000', LONDON, 'rule'],
    ['own number, box on, more specific rule hit', BRUSSELS_DIRECT, true, '+44 161 496 0001', MANCHESTER, 'rule'],
    ['own number, box on, no rule', BRUSSELS_DIRECT, true, '+49 30 123456', BRUSSELS_DIRECT, 'user'],
    ['own number, box off, national call', BRUSSELS_DIRECT, false, '02 555 00 00', BRUSSELS_DIRECT, 'user'],
    ['Default user, national call', 'default', false, '02 555 00 00', BRUSSELS_MAIN, 'default'],
  ])('%s', (_, userOutgoingNumber, applyRulesToAllUsers, dialed, callerId, source) => {
    const result = resolveCallerId(company({ userOutgoingNumber, applyRulesToAllUsers }), dialed);
    expect(result).toMatchObject({ kind: 'external', callerId, source });
  });
});

describe('destination', () => {
  it.each([
    ['+44 20 7946 0958', '00442079460958'],
    ['0044 20 7946 0958', '00442079460958'],
    ['(0044) 20-7946-0958', '00442079460958'],
    ['+44 (0)20 7946 0958', '00442079460958'],
  ])('international %j -> %s', (dialed, destination) => {
    expect(resolveCallerId(company(), dialed)).toMatchObject({ kind: 'external', destination, source: 'rule', callerId: LONDON });
  });

  it.each([
    ['BE', '02 555 12 34', '003225551234'],
    ['BE', '0470 12 34 56', '0032470123456'],
    ['BE', '03/200.11.22', '003232001122'],
    ['FR', '06 12 34 56 78', '0033612345678'],
    ['FR', '01 23 45 67 89', '0033123456789'],
    ['GB', '020 7946 0958', '00442079460958'],
    ['GB', '07911 123456', '00447911123456'],
    ['GB', '0161 496 0000', '00441614960000'],
    ['IT', '06 1234 5678', '00390612345678'],
    ['IT', '02 1234 5678', '00390212345678'],
    ['IT', '312 345 6789', '00393123456789'],
    ['SE', '08-123 456 78', '0046812345678'],
    ['SE', '070-123 45 67', '0046701234567'],
    ['SE', '031-123 45 67', '0046311234567'],
    ['DE', '030 1234567', '0049301234567'],
    ['NL', '020 123 4567', '0031201234567'],
    ['US', '(202) 555-0123', '0012025550123'],
    ['US', '1 202 555 0123', '0012025550123'],
    ['US', '011 44 20 7946 0958', '00442079460958'],
    ['be', '02 555 12 34', '003225551234'],
  ])('%s national %j -> %s', (homeCountry, dialed, destination) => {
    expect(resolveCallerId(company({ homeCountry, advancedRules: [] }), dialed)).toMatchObject({ kind: 'external', destination });
  });

  it('reads national numbers as they are typed, without keeping the trunk 0', () => {
    const config = company({ advancedRules: [{ prefix: '003225', number: BRUSSELS_DIRECT }] });
    expect(resolveCallerId(config, '02')).toMatchObject({ destination: '00322', source: 'default' });
    expect(resolveCallerId(config, '02 5')).toMatchObject({ destination: '003225', source: 'rule' });
    expect(resolveCallerId(config, '02 555')).toMatchObject({ destination: '00322555', source: 'rule' });
    expect(resolveCallerId(company({ homeCountry: 'GB', advancedRules: [] }), '0207946')).toMatchObject({ destination: '0044207946' });
  });

  it('applies the home-country rule to national numbers like to their international form', () => {
    const config = company({ advancedRules: [{ prefix: '0032', number: ANTWERP }] });
    expect(resolveCallerId(config, '02 555 12 34')).toEqual(resolveCallerId(config, '+32 2 555 12 34'));
  });

  it.each([
    ['101', '101'],
    ['2001', '2001'],
    ['123456', '123456'],
    ['*72', '*72'],
    ['#21#', '#21#'],
    ['*8 12', '*812'],
  ])('internal %j -> %s, whatever the settings', (dialed, destination) => {
    for (const config of [company(), company({ applyRulesToAllUsers: true, advancedRules: [{ prefix: '1', number: LONDON }] })]) {
      expect(resolveCallerId(config, dialed)).toEqual({ kind: 'internal', callerId: null, destination });
    }
  });

  it.each([
    ['', 'Enter a number to call'],
    ['abc', 'A phone number cannot contain letters'],
    ['0', '0 is not a complete phone number'],
    ['1'.repeat(33), 'That number is too long (at most 32 digits)'],
    ['02-555-12_34', '"_" is not allowed: use digits, spaces and + ( ) . - /'],
  ])('invalid %j', (dialed, error) => {
    expect(worded(resolveCallerId(company(), dialed))).toEqual({ kind: 'invalid', callerId: null, error });
  });

  it('needs a known home country for national numbers only', () => {
    const config = company({ homeCountry: 'XX' });
    expect(worded(resolveCallerId(config, '02 555 12 34'))).toEqual({
      kind: 'invalid',
      callerId: null,
      error: 'Set a known home country to call national numbers, or dial with +',
    });
    expect(resolveCallerId(config, '+44 20 7946 0958')).toMatchObject({ kind: 'external', callerId: LONDON });
  });
});

describe('rule prefixes and numbers as written', () => {
  it.each(['0044', '+44', '00 44', '+ 44', '(00)44', '00-44', '0044 '])('prefix %j is compared as 0044', (prefix) => {
    const config = company({ advancedRules: [{ prefix, number: LONDON }] });
    expect(resolveCallerId(config, '+44 20 7946 0000')).toMatchObject({ source: 'rule', ruleIndex: 0, callerId: LONDON });
    expect(resolveCallerId(config, '+33 1 44 55 66 00')).toMatchObject({ source: 'default' });
  });

  it('a prefix with more digits after + is still in 00 form', () => {
    const config = company({ advancedRules: [{ prefix: '+44 161', number: MANCHESTER }] });
    expect(resolveCallerId(config, '0044 161 496 0001')).toMatchObject({ source: 'rule', callerId: MANCHESTER });
  });

  it('a prefix that is not digits never matches', () => {
    const config = company({
      advancedRules: [
        { prefix: '44x', number: LONDON },
        { prefix: '', number: LONDON },
      ],
    });
    expect(resolveCallerId(config, '+44 20 7946 0000')).toMatchObject({ source: 'default' });
  });

  it.each([
    ['+44 20 7946 0958', LONDON],
    ['0044 20 7946 0958', LONDON],
    ['+44 (0) 20 7946 0958'.replace('(0) ', ''), LONDON],
  ])('caller ID %j is returned in E.164', (number, callerId) => {
    const config = company({ advancedRules: [{ prefix: '0044', number }] });
    expect(resolveCallerId(config, '+44 20 7946 0000').callerId).toBe(callerId);
  });

  it('returns the default and user numbers in E.164 too, national ones read in the home country', () => {
    expect(resolveCallerId(company({ defaultOutgoingNumber: '02 555 12 34' }), '+49 30 123456').callerId).toBe(BRUSSELS_MAIN);
    expect(resolveCallerId(company({ userOutgoingNumber: '+32 2 555 99 99' }), '+49 30 123456').callerId).toBe(BRUSSELS_DIRECT);
  });
});

describe('unusable settings give a reason, not an exception', () => {
  it.each<[string, Partial<CallerIdConfig>, string, string]>([
    ['no default number', { defaultOutgoingNumber: '' }, '+49 30 123456', 'The company has no valid default outgoing number'],
    ['unreadable user number', { userOutgoingNumber: 'my mobile' }, '+49 30 123456', 'Your outgoing number is not a valid phone number'],
    ['unreadable rule number', { advancedRules: [{ prefix: '0049', number: '?' }] }, '+49 30 123456', 'Rule 1 has no valid outgoing number'],
  ])('%s', (_, overrides, dialed, error) => {
    expect(worded(resolveCallerId(company(overrides), dialed))).toEqual({ kind: 'invalid', callerId: null, error });
  });

  it('treats an empty or capitalised user setting as Default', () => {
    expect(resolveCallerId(company({ userOutgoingNumber: 'Default' }), '+49 30 123456')).toMatchObject({ source: 'default' });
    expect(resolveCallerId(company({ userOutgoingNumber: '' }), '+44 20 7946 0000')).toMatchObject({ source: 'rule' });
  });

  it.each([null, undefined, 42, 'BE'])('config %j', (config) => {
    expect(worded(resolveCallerId(config as unknown as CallerIdConfig, '+44 20 7946 0958'))).toEqual({
      kind: 'invalid',
      callerId: null,
      error: 'Caller ID settings are missing',
    });
  });

  it('survives settings of the wrong shape', () => {
    const broken = { advancedRules: 'x', incomingNumbers: null, homeCountry: 7 } as unknown as CallerIdConfig;
    expect(worded(resolveCallerId(broken, '+44 20 7946 0958'))).toEqual({
      kind: 'invalid',
      callerId: null,
      error: 'The company has no valid default outgoing number',
    });
    const oddRules = company({ advancedRules: [null, 5, { prefix: 44 }, { prefix: '0044', number: LONDON }] as unknown as CallerIdConfig['advancedRules'] });
    expect(resolveCallerId(oddRules, '+44 20 7946 0958')).toMatchObject({ source: 'rule', ruleIndex: 3 });
  });

  it('survives a config whose getters throw', () => {
    const hostile = new Proxy(company(), {
      get() {
        throw new Error('boom');
      },
    });
    expect(worded(resolveCallerId(hostile, '+44 20 7946 0958'))).toMatchObject({ kind: 'invalid', error: 'Caller ID settings are missing' });
  });

  it('refuses a dial string that is not a string', () => {
    expect(resolveCallerId(company(), 42 as unknown as string)).toMatchObject({ kind: 'invalid' });
    expect(resolveCallerId(company(), null as unknown as string)).toMatchObject({ kind: 'invalid' });
  });
});

describe('compiling', () => {
  it('compiles a config once for repeated calls with the same object', () => {
    const build = vi.spyOn(PrefixTrie, 'build');
    const config = company();
    for (const dialed of ['+', '+4', '+44', '+44 2', '+44 20 7946 0958']) resolveCallerId(config, dialed);
    expect(build).toHaveBeenCalledTimes(1);
    resolveCallerId(company(), '+44');
    expect(build).toHaveBeenCalledTimes(2);
  });

  it('a compiled resolver answers like resolveCallerId', () => {
    const config = company({ applyRulesToAllUsers: true, userOutgoingNumber: BRUSSELS_DIRECT });
    const compiled = compileCallerIdConfig(config);
    expect(compiled.config).toBe(config);
    for (const dialed of ['+44 161 496 0001', '+44 20 7946 0000', '+33 1 44 55 66 00', '02 555 12 34', '101', 'x']) {
      expect(compiled.resolve(dialed)).toEqual(resolveCallerId(config, dialed));
    }
  });

  it('resolves with thousands of rules', () => {
    const advancedRules = Array.from({ length: 5000 }, (_, i) => ({ prefix: `0033${100000 + i}`, number: PARIS }));
    advancedRules.push({ prefix: '0044', number: LONDON });
    const compiled = compileCallerIdConfig(company({ advancedRules }));
    expect(compiled.resolve('+33 1 00 04 21 23')).toMatchObject({ ruleIndex: 42 });
    expect(compiled.resolve('+44 20 7946 0958')).toMatchObject({ ruleIndex: 5000, callerId: LONDON });
    expect(compiled.resolve('+33 9 99 99 99 99')).toMatchObject({ source: 'default' });
  });
});

describe('a number the resolver cannot read', () => {
  it.each([
    ['abc', 'letters'],
    ['', 'empty'],
    ['+0032 2 555 12 34', 'country_code_zero'],
  ])('%j is invalid with the code %s, for the view to word', (dialed, code) => {
    expect(resolveCallerId(company(), dialed)).toMatchObject({ kind: 'invalid', error: { code } });
  });
});
