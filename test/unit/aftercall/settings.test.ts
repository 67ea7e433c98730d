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

describe('after-call settings in the settings file', () => {
  test('a file with dispositions is read, exported back, and its changes listed; a bad one names the problem', async () => {
    const { parseConfigurationFile, buildConfigurationFile, describeImport } = await import('../../../src/settings/configurationFile');
    const afterCall = {
      dispositions: ['Sale', 'Call back'],
      dispositionRequired: true,
      wrapUpSeconds: 30,
      wrapUpAfter: 'queue',
      webhookUrl: 'https://crm.example.com/hook',
    };
    const parsed = parseConfigurationFile({ version: 1, afterCall }, null);
    expect(parsed).toEqual({ ok: true, value: { afterCall }, warnings: [] });
    expect(
      buildConfigurationFile({ callerId: null, account: null, queues: null, afterCall: parsed.ok ? (parsed.value.afterCall ?? null) : null }, false),
    ).toEqual({ version: 1, afterCall });
    expect(describeImport({ callerId: null, account: null, queues: null, afterCall: null }, { afterCall: afterCall as never })).toEqual([
      { section: 'afterCall', field: 'dispositions', before: '', after: 'Sale, Call back' },
      { section: 'afterCall', field: 'dispositionRequired', before: '', after: 'on' },
      { section: 'afterCall', field: 'wrapUpSeconds', before: '', after: '30' },
      { section: 'afterCall', field: 'wrapUpAfter', before: '', after: 'queue' },
      { section: 'afterCall', field: 'webhookUrl', before: '', after: 'https://crm.example.com/hook' },
    ]);
    expect(parseConfigurationFile({ version: 1, afterCall: { dispositions: ['Sale', 'sale'], webhookUrl: 'http://crm.example.com/' } }, null)).toEqual({
      ok: false,
      errors: [
        { code: 'after_call', error: 'disposition_duplicate' },
        { code: 'after_call', error: 'webhook_not_https' },
      ],
    });
  });
});
