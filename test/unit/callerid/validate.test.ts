import { describe, expect, it } from 'vitest';
import { type CallerIdConfig, type CallerIdIssue, validateCallerIdConfig } from '../../../src/callerid';
import { BRUSSELS_DIRECT, BRUSSELS_MAIN, company, LONDON, MANCHESTER, PARIS } from './fixtures';

const shadowed = (rule: number, prefix: string, by: number, byPrefix: string): CallerIdIssue => ({ code: 'rule_shadowed', rule, prefix, by, byPrefix });
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

  it.each<[string, unknown, CallerIdIssue]>([
    ['null', null, { code: 'not_an_object' }],
    ['undefined', undefined, { code: 'not_an_object' }],
    ['a string', 'BE', { code: 'not_an_object' }],
    ['a number', 7, { code: 'not_an_object' }],
    ['an array', [company()], { code: 'not_an_object' }],
    ['missing default number', { ...company(), defaultOutgoingNumber: undefined }, { code: 'default_missing' }],
    ['empty default number', company({ defaultOutgoingNumber: ' ' }), { code: 'default_missing' }],
    ['default number not a number', company({ defaultOutgoingNumber: 'reception' }), { code: 'default_invalid', number: 'reception' }],
    ['default number too short', company({ defaultOutgoingNumber: '+321' }), { code: 'default_invalid', number: '+321' }],
    ['incoming numbers not a list', { ...company(), incomingNumbers: '+3225551234' }, { code: 'incoming_not_a_list' }],
    ['incoming number not text', company({ incomingNumbers: [BRUSSELS_MAIN, 3225551234 as unknown as string] }), { code: 'incoming_not_text', index: 2 }],
    ['incoming number invalid', company({ incomingNumbers: [BRUSSELS_MAIN, '+44 abc'] }), { code: 'incoming_invalid', index: 2, raw: '+44 abc' }],
    ['user number not incoming', company({ userOutgoingNumber: '+3225550000' }), { code: 'user_not_incoming', number: '+3225550000' }],
    ['user number not a number', company({ userOutgoingNumber: 'mine' }), { code: 'user_not_incoming', number: 'mine' }],
    ['user number empty', company({ userOutgoingNumber: '' }), { code: 'user_missing' }],
    ['user number wrong type', { ...company(), userOutgoingNumber: 1 }, { code: 'user_not_text' }],
    ['rules not a list', { ...company(), advancedRules: {} }, { code: 'rules_not_a_list' }],
    ['rule not an object', { ...company(), advancedRules: ['0044'] }, { code: 'rule_incomplete', rule: 1 }],
    ['rule without number', { ...company(), advancedRules: [{ prefix: '0044' }] }, { code: 'rule_incomplete', rule: 1 }],
    ['rule prefix not text', { ...company(), advancedRules: [{ prefix: 44, number: LONDON }] }, { code: 'rule_incomplete', rule: 1 }],
    ['rule prefix with letters', company({ advancedRules: rules('0044', '00GB') }), { code: 'rule_prefix_not_digits', rule: 2, prefix: '00GB' }],
    ['rule prefix with *', company({ advancedRules: rules('*44') }), { code: 'rule_prefix_not_digits', rule: 1, prefix: '*44' }],
    ['rule prefix empty', company({ advancedRules: rules(' ') }), { code: 'rule_prefix_empty', rule: 1 }],
    [
      'rule number not incoming',
      company({ advancedRules: [{ prefix: '0049', number: '+49301234567' }] }),
      { code: 'rule_number_not_incoming', rule: 1, prefix: '0049', number: '+49301234567' },
    ],
    [
      'rule number invalid',
      company({ advancedRules: [{ prefix: '+49', number: 'Berlin' }] }),
      { code: 'rule_number_not_incoming', rule: 1, prefix: '0049', number: 'Berlin' },
    ],
    ['checkbox not boolean', { ...company(), applyRulesToAllUsers: 'yes' }, { code: 'apply_to_all_not_boolean' }],
    ['home country missing', { ...company(), homeCountry: undefined }, { code: 'home_country_missing' }],
    ['home country unknown', company({ homeCountry: 'XX' }), { code: 'home_country_unknown', country: 'XX' }],
    ['home country not a code', company({ homeCountry: 'Belgium' }), { code: 'home_country_unknown', country: 'Belgium' }],
  ])('error: %s', (_, config, error) => {
    expect(validateCallerIdConfig(config).errors).toContainEqual(error);
  });

  it('lists every problem, not just the first', () => {
    const { errors } = validateCallerIdConfig({ homeCountry: 'XX', incomingNumbers: [], advancedRules: [], userOutgoingNumber: 'default' });
    expect(errors).toEqual([{ code: 'home_country_unknown', country: 'XX' }, { code: 'default_missing' }, { code: 'apply_to_all_not_boolean' }]);
  });

  it.each<[string, string[], CallerIdIssue[]]>([
    ['longer prefix after a shorter one', ['0044', '0033', '00442'], [shadowed(3, '00442', 1, '0044')]],
    ['same prefix twice', ['0044', '0044'], [shadowed(2, '0044', 1, '0044')]],
    ['written differently, same prefix', ['+44', '00 44'], [shadowed(2, '0044', 1, '0044')]],
    ['names the first shadowing rule', ['0044', '00442', '004420'], [shadowed(2, '00442', 1, '0044'), shadowed(3, '004420', 1, '0044')]],
    ['names the lowest of several shadowing rules', ['0033', '00442', '0044', '004420'], [shadowed(4, '004420', 2, '00442')]],
    ['catch-all first', ['00', '0044', '0033'], [shadowed(2, '0044', 1, '00'), shadowed(3, '0033', 1, '00')]],
    ['longer first is fine', ['004420', '0044'], []],
    ['unrelated prefixes', ['0044', '0033', '0032'], []],
  ])('shadowed rules: %s', (_, prefixes, warnings) => {
    expect(validateCallerIdConfig(company({ advancedRules: rules(...prefixes) })).warnings).toEqual(warnings);
  });

  it('warns about a prefix without the international access code', () => {
    expect(validateCallerIdConfig(company({ advancedRules: rules('44') })).warnings).toEqual([{ code: 'rule_without_access_code', rule: 1, prefix: '44' }]);
  });

  it('warns about duplicate incoming numbers, however written', () => {
    const config = company({ incomingNumbers: [BRUSSELS_MAIN, LONDON, '+32 2 555 12 34', PARIS, MANCHESTER, LONDON] });
    expect(validateCallerIdConfig(config)).toEqual({
      errors: [],
      warnings: [
        { code: 'incoming_duplicate', index: 3, number: '+3225551234', first: 1 },
        { code: 'incoming_duplicate', index: 6, number: '+442079460958', first: 2 },
      ],
    });
  });

  it('warns when the default number is not one of the incoming numbers', () => {
    expect(validateCallerIdConfig(company({ defaultOutgoingNumber: '+3225550000' })).warnings).toEqual([
      { code: 'default_not_incoming', number: '+3225550000' },
    ]);
  });

  it('accepts Default in any case and a lower-case country code', () => {
    expect(validateCallerIdConfig(company({ userOutgoingNumber: 'Default', homeCountry: 'be' })).errors).toEqual([]);
  });

  it('finds shadowed rules among twenty thousand', () => {
    const many = Array.from({ length: 20000 }, (_, i) => `0033${100000 + i}`);
    many.push('0033100007123');
    const { warnings } = validateCallerIdConfig(company({ advancedRules: rules(...many) }));
    expect(warnings).toEqual([shadowed(20001, '0033100007123', 8, '0033100007')]);
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
    expect(validateCallerIdConfig(throwing)).toEqual({ errors: [{ code: 'unreadable' }], warnings: [] });
    expect(validateCallerIdConfig(Object.create(null))).toMatchObject({ errors: expect.arrayContaining([{ code: 'home_country_missing' }]) });
  });
});
