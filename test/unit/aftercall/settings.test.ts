import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import {
  defaultAfterCallSettings,
  parseAfterCallSettings,
  storedAfterCallSettings,
  webhookOriginPattern,
  webhookUrlProblem,
} from '../../../src/aftercall/settings';

describe('webhook URL', () => {
  test.each<[string, string | null]>([
    ['', null],
    ['https://crm.example.com/hooks/calls', null],
    ['https://odoo.example.com/web/hook/abc?x=1', null],
    ['http://127.0.0.1:8069/hook', null],
    ['http://localhost:5678/webhook/calls', null],
    ['http://[::1]:8080/', null],
    ['http://crm.example.com/hook', 'webhook_not_https'],
    ['http://127.0.0.1.evil.com/hook', 'webhook_not_https'],
    ['ftp://crm.example.com/', 'webhook_invalid'],
    ['javascript:alert(1)', 'webhook_invalid'],
    ['crm.example.com', 'webhook_invalid'],
    ['https://user:pw@crm.example.com/', 'webhook_credentials'],
  ])('%o: %o', (url, problem) => {
    expect(webhookUrlProblem(url)).toBe(problem);
  });

  test('the permission asked covers the webhook origin only', () => {
    expect(webhookOriginPattern('https://crm.example.com:8443/a/b')).toBe('https://crm.example.com/*');
    expect(webhookOriginPattern('http://127.0.0.1:9000/x')).toBe('http://127.0.0.1/*');
    expect(webhookOriginPattern('http://crm.example.com/')).toBeNull();
  });

  test('no string makes the parser throw', () => {
    fc.assert(fc.property(fc.string(), (url) => [null, 'webhook_invalid', 'webhook_not_https', 'webhook_credentials'].includes(webhookUrlProblem(url))));
  });
});

describe('after-call settings', () => {
  test('good settings pass, trimmed', () => {
    expect(
      parseAfterCallSettings({
        dispositions: [' Sale ', 'Call back'],
        wrapUpSeconds: 30,
        wrapUpAfter: 'all',
        dispositionRequired: true,
        webhookUrl: ' https://x.example/h ',
      }),
    ).toEqual({
      ok: true,
      value: { dispositions: ['Sale', 'Call back'], wrapUpSeconds: 30, wrapUpAfter: 'all', dispositionRequired: true, webhookUrl: 'https://x.example/h' },
    });
  });

  test.each<[unknown, string[]]>([
    [{ dispositions: ['Sale', ''] }, ['disposition_empty']],
    [{ dispositions: ['Sale', 'sale'] }, ['disposition_duplicate']],
    [{ dispositions: ['x'.repeat(41)] }, ['disposition_too_long']],
    [{ dispositions: Array.from({ length: 21 }, (_, i) => `d${i}`) }, ['too_many_dispositions']],
    [{ wrapUpSeconds: -1 }, ['wrap_up_range']],
    [{ wrapUpSeconds: 1.5 }, ['wrap_up_range']],
    [{ wrapUpSeconds: 601 }, ['wrap_up_range']],
    [{ webhookUrl: 'http://crm.example.com/' }, ['webhook_not_https']],
  ])('%o is refused: %o', (input, errors) => {
    expect(parseAfterCallSettings(input)).toEqual({ ok: false, errors });
  });

  test('stored settings read field by field', () => {
    expect(storedAfterCallSettings({ dispositions: ['Sale'], wrapUpSeconds: 'lots', webhookUrl: 'http://evil.example/' })).toEqual({
      ...defaultAfterCallSettings,
      dispositions: ['Sale'],
    });
  });
});
