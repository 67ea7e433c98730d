import { describe, expect, it } from 'vitest';
import { parseCallerIdConfig } from '../../../src/callerid';
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
    expect(parseCallerIdConfig('{"defaultOutgoingNumber":')).toEqual({ ok: false, errors: ['the caller ID settings are not valid JSON'] });
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
    expect(result).toMatchObject({ ok: true, warnings: ['rule 3 (00442) can never apply: rule 1 (0044) comes first'] });
  });

  it.each<[string, unknown, string[]]>([
    ['null', null, ['settings must be an object']],
    ['an array', [], ['settings must be an object']],
    ['a number', 5, ['settings must be an object']],
    ['an unknown setting', { ...company(), extra: true }, ['extra is not a known setting']],
    ['an unknown rule field', company({ advancedRules: [{ prefix: '0044', number: LONDON, note: 'UK' } as never] }), ['rule 1 note is not a known setting']],
    ['a missing field', { ...company(), homeCountry: undefined }, ['homeCountry is missing']],
    ['a wrong type', { ...company(), applyRulesToAllUsers: 'yes' }, ['applyRulesToAllUsers must be true or false']],
    ['rules not a list', { ...company(), advancedRules: 'none' }, ['advancedRules must be a list']],
    ['a rule with a number prefix', { ...company(), advancedRules: [{ prefix: 44, number: LONDON }] }, ['rule 1 prefix must be text']],
    ['an incoming number not text', { ...company(), incomingNumbers: [BRUSSELS_MAIN, 32] }, ['incoming number 2 must be text']],
    [
      'a rule number not incoming',
      company({ advancedRules: [{ prefix: '0049', number: '+49 30 1234567' }] }),
      ['rule 1 (0049): +49301234567 is not one of the incoming numbers'],
    ],
    [
      'a prefix with letters',
      company({ advancedRules: [{ prefix: '00GB', number: LONDON }] }),
      ['rule 1 (00GB): the destination prefix must be digits, e.g. 0044'],
    ],
    ['an unknown country', company({ homeCountry: 'XX' }), ['unknown home country XX']],
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
