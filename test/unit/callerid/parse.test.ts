import { describe, expect, it } from 'vitest';
import { type CallerIdIssue, parseCallerIdConfig } from '../../../src/callerid';
import { BRUSSELS_DIRECT, BRUSSELS_MAIN, company, LONDON, PARIS } from './fixtures';

describe('parseCallerIdConfig', () => {
  it('accepts a sound configuration as it is', () => {
    expect(parseCallerIdConfig(company())).toEqual({ ok: true, config: company(), warnings: [] });
  });

  it('normalises numbers to E.164, prefixes to 00 form, Default and the country code', () => {
    const result = parseCallerIdConfig({
      defaultOutgoingNumber: '02 555 12 34',
      incomingNumbers: ['+32 2 555 12 34', '0032 2 555 99 99', '(0044) 20-7946-0958'],
      userOutgoingNumber: ' Default ',
      advancedRules: [
        { prefix: '+44', number: '+44 20 7946 0958' },
        { prefix: '00 32 2', number: '+32 2 555 99 99' },
      ],
      applyRulesToAllUsers: true,
      homeCountry: 'be',
    });
    expect(result).toEqual({
      ok: true,
      warnings: [],
      config: {
        defaultOutgoingNumber: BRUSSELS_MAIN,
        incomingNumbers: [BRUSSELS_MAIN, BRUSSELS_DIRECT, LONDON],
        userOutgoingNumber: 'default',
        advancedRules: [
          { prefix: '0044', number: LONDON },
          { prefix: '00322', number: BRUSSELS_DIRECT },
        ],
        applyRulesToAllUsers: true,
        homeCountry: 'BE',
      },
    });
  });

  it('fills in the console defaults for what is left out', () => {
    const result = parseCallerIdConfig({ defaultOutgoingNumber: BRUSSELS_MAIN, incomingNumbers: [BRUSSELS_MAIN], homeCountry: 'BE' });
    expect(result).toMatchObject({ ok: true, config: { userOutgoingNumber: 'default', advancedRules: [], applyRulesToAllUsers: false } });
  });

  it('reads JSON text', () => {
    expect(parseCallerIdConfig(JSON.stringify(company()))).toEqual({ ok: true, config: company(), warnings: [] });
    expect(parseCallerIdConfig('{"defaultOutgoingNumber":')).toEqual({ ok: false, errors: [{ code: 'not_json' }] });
  });

  it('passes the validator warnings on', () => {
    const result = parseCallerIdConfig(
      company({
        advancedRules: [
          { prefix: '0044', number: LONDON },
          { prefix: '+33', number: PARIS },
          { prefix: '00442', number: LONDON },
        ],
      }),
    );
    expect(result).toMatchObject({ ok: true, warnings: [{ code: 'rule_shadowed', rule: 3, prefix: '00442', by: 1, byPrefix: '0044' }] });
  });

  it.each<[string, unknown, CallerIdIssue[]]>([
    ['null', null, [{ code: 'not_an_object' }]],
    ['an array', [], [{ code: 'not_an_object' }]],
    ['a number', 5, [{ code: 'not_an_object' }]],
    ['an unknown setting', { ...company(), extra: true }, [{ code: 'field_unknown', at: { setting: 'extra' } }]],
    [
      'an unknown rule field',
      company({ advancedRules: [{ prefix: '0044', number: LONDON, note: 'UK' } as never] }),
      [{ code: 'field_unknown', at: { rule: 1, key: 'note' } }],
    ],
    ['a missing field', { ...company(), homeCountry: undefined }, [{ code: 'field_missing', at: { setting: 'homeCountry' } }]],
    [
      'a wrong type',
      { ...company(), applyRulesToAllUsers: 'yes' },
      [{ code: 'field_wrong_type', at: { setting: 'applyRulesToAllUsers' }, expected: 'boolean' }],
    ],
    ['rules not a list', { ...company(), advancedRules: 'none' }, [{ code: 'field_wrong_type', at: { setting: 'advancedRules' }, expected: 'list' }]],
    [
      'a rule with a number prefix',
      { ...company(), advancedRules: [{ prefix: 44, number: LONDON }] },
      [{ code: 'field_wrong_type', at: { rule: 1, key: 'prefix' }, expected: 'text' }],
    ],
    [
      'an incoming number not text',
      { ...company(), incomingNumbers: [BRUSSELS_MAIN, 32] },
      [{ code: 'field_wrong_type', at: { incoming: 2 }, expected: 'text' }],
    ],
    [
      'a rule number not incoming',
      company({ advancedRules: [{ prefix: '0049', number: '+49 30 1234567' }] }),
      [{ code: 'rule_number_not_incoming', rule: 1, prefix: '0049', number: '+49301234567' }],
    ],
    ['a prefix with letters', company({ advancedRules: [{ prefix: '00GB', number: LONDON }] }), [{ code: 'rule_prefix_not_digits', rule: 1, prefix: '00GB' }]],
    ['an unknown country', company({ homeCountry: 'XX' }), [{ code: 'home_country_unknown', country: 'XX' }]],
  ])('refuses %s', (_, input, errors) => {
    expect(parseCallerIdConfig(input)).toEqual({ ok: false, errors });
  });

  it('gives the same config back when parsing its own output', () => {
    const first = parseCallerIdConfig({
      ...company(),
      incomingNumbers: ['+32 2 555 12 34', '+32 2 555 99 99', '+44 20 7946 0958', '+44 161 496 0000', '+33 1 44 55 66 77', '+32 3 200 11 22'],
    });
    expect(first.ok).toBe(true);
    if (first.ok) expect(parseCallerIdConfig(first.config)).toEqual(first);
  });
});
