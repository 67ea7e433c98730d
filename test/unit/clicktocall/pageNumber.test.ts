import { describe, expect, test } from 'vitest';
import { isCallLink, linkTarget, reducePageNumber } from '../../../src/clicktocall/pageNumber';

const DOMAIN = 'pbx.example.com';

describe('reducePageNumber', () => {
  test.each([
    ['tel: link', 'tel:+32 2 555 12 34', '+3225551234'],
    ['tel: link, percent-encoded', 'tel:%2B32%202%20555%2012%2034', '+3225551234'],
    ['tel: link with dashes', 'TEL:+1-212-555-0123', '+12125550123'],
    ['callto: link', 'callto://+3225551234', '+3225551234'],
    ['national number', '02 555 12 34', '025551234'],
    ['E.164 from text', '+33123456789', '+33123456789'],
    ['sip: on the account domain', 'sip:101@pbx.example.com', '101'],
    ['sip: on the account domain, other case', 'sip:0470123456@PBX.example.com', '0470123456'],
  ])('%s: %s → %s', (_, input, dial) => {
    expect(reducePageNumber(input, DOMAIN)).toEqual({ ok: true, dial });
  });

  test.each([
    ['sip: on another domain', 'sip:101@evil.example.net'],
    ['sip: without an account', 'sip:101@pbx.example.com', null],
    ['sip: with a header', 'sip:101@pbx.example.com?X-Evil=1'],
    ['sip: with parameters', 'sip:101@pbx.example.com;transport=tcp'],
    ['tel: with an extension parameter', 'tel:+3225551234;ext=12'],
    ['tel: with a query', 'tel:+3225551234?body=hi'],
    ['header injection with CRLF', 'tel:+32%0D%0AVia: evil'],
    ['letters', 'tel:1-800-FLOWERS'],
    ['a service code', 'tel:*45'],
    ['a # sequence', 'tel:+3225551234#123'],
    ['an overlong string', `tel:+${'1'.repeat(200)}`],
    ['too many digits', `+${'1'.repeat(40)}`],
    ['malformed percent-encoding', 'tel:%E0%A4%A'],
    ['a bare plus', 'tel:+'],
    ['empty', ''],
    ['a javascript: URL', 'javascript:alert(1)'],
  ])('refuses %s', (_, input, domain: string | null = DOMAIN) => {
    const result = reducePageNumber(input, domain);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.code.length).toBeGreaterThan(0);
  });
});

describe('isCallLink', () => {
  test.each([
    ['tel:+3225551234', true],
    [' TEL:02', true],
    ['callto:123', true],
    ['sip:101@x', true],
    ['sips:101@x', true],
    ['mailto:a@b', false],
    ['https://example.com/tel:1', false],
  ])('%s → %s', (href, expected) => {
    expect(isCallLink(href)).toBe(expected);
  });
});

describe('what a call link dials, for its tooltip', () => {
  test.each([
    ['tel:+3225550000', '+3225550000'],
    ['tel:+32%202%20555%2000%2000', '+3225550000'],
    ['callto://0470123456', '0470123456'],
    ['sip:101@pbx.test', 'sip:101@pbx.test'],
    ['tel:*21*0470#', '*21*0470#'],
    ['tel:+32\u202e2555', '+322555'],
  ])('%j shows as %j', (href, shown) => {
    expect(linkTarget(href)).toBe(shown);
  });
});
