import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkCrmTemplate, crmAnswerContact, crmLookupUrl } from '../../../src/contacts/crmLookup';

describe('checkCrmTemplate', () => {
  it.each([
    ['https://crm.example.com/lookup?number={e164}', { ok: true, origin: 'https://crm.example.com/*' }],
    ['http://127.0.0.1:8080/find/{digits}', { ok: true, origin: 'http://127.0.0.1/*' }],
    ['http://crm.example.com/?n={e164}', { ok: false, problem: 'not_https' }],
    ['https://crm.example.com/lookup', { ok: false, problem: 'no_placeholder' }],
    ['not a url {e164}', { ok: false, problem: 'not_a_url' }],
    ['javascript:alert({e164})', { ok: false, problem: 'not_https' }],
  ])('%s', (template, expected) => {
    expect(checkCrmTemplate(template)).toEqual(expected);
  });
});

describe('crmLookupUrl', () => {
  it.each([
    ['https://crm.example.com/lookup?number={e164}', '025551234', 'https://crm.example.com/lookup?number=%2B3225551234'],
    ['https://crm.example.com/{digits}', '0032 2 555 12 34', 'https://crm.example.com/3225551234'],
    ['https://crm.example.com/?q={number}&e={e164}', '+3225551234', 'https://crm.example.com/?q=%2B3225551234&e=%2B3225551234'],
    ['https://crm.example.com/{e164}', '101', null],
    ['https://crm.example.com/{e164}', '*21#', null],
  ])('%s with %s', (template, number, url) => {
    expect(crmLookupUrl(template, number, 'BE')).toBe(url);
  });
});

describe('crmAnswerContact', () => {
  it('reads {name, company, url}', () => {
    expect(crmAnswerContact({ name: 'Zoë Müller', company: 'ACME', url: 'https://crm.example.com/contact/7' }, '+3225551234')).toMatchObject({
      name: 'Zoë Müller',
      company: 'ACME',
      recordUrl: 'https://crm.example.com/contact/7',
      sourceId: 'crm',
    });
  });
  it.each([[null], [{}], [{ name: '' }], [{ name: 42 }], ['Zoë']])('refuses %j', (json) => {
    expect(crmAnswerContact(json, '+32')).toBeNull();
  });
  it('keeps only http(s) record URLs', () => {
    expect(crmAnswerContact({ name: 'Z', url: 'javascript:alert(1)' }, '+32')?.recordUrl).toBeUndefined();
  });
  it('never throws on any JSON', () => {
    fc.assert(fc.property(fc.jsonValue(), (json) => void crmAnswerContact(json, '+32')));
  });
});
