import { describe, expect, it } from 'vitest';
import { type CallerIdConfig, validateCallerIdConfig } from '../../../src/callerid';
import { BRUSSELS_DIRECT, BRUSSELS_MAIN, company, LONDON, MANCHESTER, PARIS } from './fixtures';

const rules = (...prefixes: string[]): CallerIdConfig['advancedRules'] => prefixes.map((prefix) => ({ prefix, number: LONDON }));

describe('validateCallerIdConfig', () => {
  it('accepts a sound configuration', () => {
    expect(validateCallerIdConfig(company())).toEqual({ errors: [], warnings: [] });
    expect(validateCallerIdConfig(company({ userOutgoingNumber: BRUSSELS_DIRECT, applyRulesToAllUsers: true, advancedRules: [] }))).toEqual({
      errors: [],
      warnings: [],
    });
  });

  it('accepts numbers and prefixes written in other forms', () => {
    const config = company({
      incomingNumbers: ['+32 2 555 12 34', '0044 20 7946 0958', '02 555 99 99'],
      userOutgoingNumber: '+32 2 555 99 99',
      advancedRules: [{ prefix: '+44', number: '+44 (20) 7946-0958' }],
    });
    expect(validateCallerIdConfig(config)).toEqual({ errors: [], warnings: [] });
  });

  it.each<[string, unknown, string]>([
    ['null', null, 'caller ID settings must be an object'],
    ['undefined', undefined, 'caller ID settings must be an object'],
    ['a string', 'BE', 'caller ID settings must be an object'],
    ['a number', 7, 'caller ID settings must be an object'],
    ['an array', [company()], 'caller ID settings must be an object'],
    ['missing default number', { ...company(), defaultOutgoingNumber: undefined }, 'default outgoing number is missing'],
    ['empty default number', company({ defaultOutgoingNumber: ' ' }), 'default outgoing number is missing'],
    ['default number not a number', company({ defaultOutgoingNumber: 'reception' }), 'default outgoing number (reception) is not a valid phone number'],
    ['default number too short', company({ defaultOutgoingNumber: '+321' }), 'default outgoing number (+321) is not a valid phone number'],
    ['incoming numbers not a list', { ...company(), incomingNumbers: '+3225551234' }, 'incoming numbers must be a list of phone numbers'],
    [
      'incoming number not text',
      company({ incomingNumbers: [BRUSSELS_MAIN, 3225551234 as unknown as string] }),
      'incoming number 2 must be a phone number written as text',
    ],
    ['incoming number invalid', company({ incomingNumbers: [BRUSSELS_MAIN, '+44 abc'] }), 'incoming number 2 (+44 abc) is not a valid phone number'],
    ['user number not incoming', company({ userOutgoingNumber: '+3225550000' }), 'your outgoing number (+3225550000) is not one of the incoming numbers'],
    ['user number not a number', company({ userOutgoingNumber: 'mine' }), 'your outgoing number (mine) is not one of the incoming numbers'],
    ['user number empty', company({ userOutgoingNumber: '' }), `your outgoing number is missing: use 'default' for the company default`],
    ['user number wrong type', { ...company(), userOutgoingNumber: 1 }, `your outgoing number must be 'default' or one of the incoming numbers`],
    ['rules not a list', { ...company(), advancedRules: {} }, 'advanced rules must be a list'],
    ['rule not an object', { ...company(), advancedRules: ['0044'] }, 'rule 1 must have a destination prefix and a number'],
    ['rule without number', { ...company(), advancedRules: [{ prefix: '0044' }] }, 'rule 1 must have a destination prefix and a number'],
    ['rule prefix not text', { ...company(), advancedRules: [{ prefix: 44, number: LONDON }] }, 'rule 1 must have a destination prefix and a number'],
    ['rule prefix with letters', company({ advancedRules: rules('0044', '00GB') }), 'rule 2 (00GB): the destination prefix must be digits, e.g. 0044'],
    ['rule prefix with *', company({ advancedRules: rules('*44') }), 'rule 1 (*44): the destination prefix must be digits, e.g. 0044'],
    ['rule prefix empty', company({ advancedRules: rules(' ') }), 'rule 1 has an empty destination prefix'],
    [
      'rule number not incoming',
      company({ advancedRules: [{ prefix: '0049', number: '+49301234567' }] }),
      'rule 1 (0049): +49301234567 is not one of the incoming numbers',
    ],
    ['rule number invalid', company({ advancedRules: [{ prefix: '+49', number: 'Berlin' }] }), 'rule 1 (0049): Berlin is not one of the incoming numbers'],
    [
      'checkbox not boolean',
      { ...company(), applyRulesToAllUsers: 'yes' },
      '"apply advanced rules even for users with a default outgoing number configured" must be true or false',
    ],
    ['home country missing', { ...company(), homeCountry: undefined }, 'home country is missing'],
    ['home country unknown', company({ homeCountry: 'XX' }), 'unknown home country XX'],
    ['home country not a code', company({ homeCountry: 'Belgium' }), 'unknown home country Belgium'],
  ])('error: %s', (_, config, error) => {
    expect(validateCallerIdConfig(config).errors).toContain(error);
  });

  it('lists every problem, not just the first', () => {
    const { errors } = validateCallerIdConfig({ homeCountry: 'XX', incomingNumbers: [], advancedRules: [], userOutgoingNumber: 'default' });
    expect(errors).toEqual([
      'unknown home country XX',
      'default outgoing number is missing',
      '"apply advanced rules even for users with a default outgoing number configured" must be true or false',
    ]);
  });

  it.each<[string, string[], string[]]>([
    ['longer prefix after a shorter one', ['0044', '0033', '00442'], ['rule 3 (00442) can never apply: rule 1 (0044) comes first']],
    ['same prefix twice', ['0044', '0044'], ['rule 2 (0044) can never apply: rule 1 (0044) comes first']],
    ['written differently, same prefix', ['+44', '00 44'], ['rule 2 (0044) can never apply: rule 1 (0044) comes first']],
    [
      'names the first shadowing rule',
      ['0044', '00442', '004420'],
      ['rule 2 (00442) can never apply: rule 1 (0044) comes first', 'rule 3 (004420) can never apply: rule 1 (0044) comes first'],
    ],
    ['names the lowest of several shadowing rules', ['0033', '00442', '0044', '004420'], ['rule 4 (004420) can never apply: rule 2 (00442) comes first']],
    [
      'catch-all first',
      ['00', '0044', '0033'],
      ['rule 2 (0044) can never apply: rule 1 (00) comes first', 'rule 3 (0033) can never apply: rule 1 (00) comes first'],
    ],
    ['longer first is fine', ['004420', '0044'], []],
    ['unrelated prefixes', ['0044', '0033', '0032'], []],
  ])('shadowed rules: %s', (_, prefixes, warnings) => {
    expect(validateCallerIdConfig(company({ advancedRules: rules(...prefixes) })).warnings).toEqual(warnings);
  });

  it('warns about a prefix without the international access code', () => {
    expect(validateCallerIdConfig(company({ advancedRules: rules('44') })).warnings).toEqual([
      'rule 1 (44) can never apply: destinations are compared with the international access code, e.g. 0044',
    ]);
  });

  it('warns about duplicate incoming numbers, however written', () => {
    const config = company({ incomingNumbers: [BRUSSELS_MAIN, LONDON, '+32 2 555 12 34', PARIS, MANCHESTER, LONDON] });
    expect(validateCallerIdConfig(config)).toEqual({
      errors: [],
      warnings: [
        'incoming number 3 (+3225551234) is listed twice: same as incoming number 1',
        'incoming number 6 (+442079460958) is listed twice: same as incoming number 2',
      ],
    });
  });

  it('warns when the default number is not one of the incoming numbers', () => {
    expect(validateCallerIdConfig(company({ defaultOutgoingNumber: '+3225550000' })).warnings).toEqual([
      'default outgoing number (+3225550000) is not one of the incoming numbers',
    ]);
  });

  it('accepts Default in any case and a lower-case country code', () => {
    expect(validateCallerIdConfig(company({ userOutgoingNumber: 'Default', homeCountry: 'be' })).errors).toEqual([]);
  });

  it('finds shadowed rules among thousands without slowing down', () => {
    const many = Array.from({ length: 20000 }, (_, i) => `0033${100000 + i}`);
    many.push('0033100007123');
    const started = performance.now();
    const { warnings } = validateCallerIdConfig(company({ advancedRules: rules(...many) }));
    expect(warnings).toEqual(['rule 20001 (0033100007123) can never apply: rule 8 (0033100007) comes first']);
    expect(performance.now() - started).toBeLessThan(2000);
  });

  it('does not throw on hostile input', () => {
    const throwing = new Proxy(
      {},
      {
        get: () => {
          throw new Error('boom');
        },
        has: () => {
          throw new Error('boom');
        },
      },
    );
    expect(validateCallerIdConfig(throwing)).toEqual({ errors: ['caller ID settings could not be read'], warnings: [] });
    expect(validateCallerIdConfig(Object.create(null))).toMatchObject({ errors: expect.arrayContaining(['home country is missing']) });
  });
});
