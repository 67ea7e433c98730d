import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { applyPolicy } from '../../../src/policy/apply';
import { crmLookupUnderPolicy, lockedFields, unmanaged, withPolicy } from '../../../src/policy/state';

describe('policy: the webhook URL, checked as Settings → After the call checks it', () => {
  test.each([
    ['https://crm.example.com/hooks/calls', 'https://crm.example.com/hooks/calls'],
    ['  https://crm.example.com/hooks  ', 'https://crm.example.com/hooks'],
    ['http://127.0.0.1:5678/webhook', 'http://127.0.0.1:5678/webhook'],
    ['http://localhost/webhook', 'http://localhost/webhook'],
    ['http://[::1]:8080/hook', 'http://[::1]:8080/hook'],
    ['', ''],
  ])('%j is applied as %j, locked in the after-call settings', (value, applied) => {
    const state = applyPolicy({ webhookUrl: value }, null);
    expect(state.ignored).toEqual([]);
    expect(state.applied.afterCallSettings).toEqual({ webhookUrl: applied });
    expect(lockedFields(state, 'afterCallSettings')).toEqual(new Set(['webhookUrl']));
    expect(withPolicy('afterCallSettings', { webhookUrl: 'https://own.example.com/', wrapUpSeconds: 30 }, state)).toEqual({
      webhookUrl: applied,
      wrapUpSeconds: 30,
    });
  });

  test.each([
    ['http://crm.example.com/hooks', 'webhook_not_https'],
    ['http://192.168.1.10/hooks', 'webhook_not_https'],
    ['ftp://crm.example.com/hooks', 'webhook_invalid'],
    ['crm.example.com/hooks', 'webhook_invalid'],
    ['https://user:secret@crm.example.com/hooks', 'webhook_credentials'],
    [42, 'webhook_invalid'],
    [{ url: 'https://crm.example.com/hooks' }, 'webhook_invalid'],
  ])('%j is ignored (%s), the agent keeps their own', (value, error) => {
    const state = applyPolicy({ webhookUrl: value }, null);
    expect(state.applied.afterCallSettings).toBeUndefined();
    expect(state.ignored).toEqual([{ key: 'webhookUrl', reason: { code: 'after_call', error } }]);
  });
});

describe('policy: the CRM lookup URL, checked as Settings → CRM lookup checks it', () => {
  test.each([
    ['https://crm.example.com/lookup?number={e164}', 'https://crm.example.com/lookup?number={e164}'],
    [' https://crm.example.com/find/{digits} ', 'https://crm.example.com/find/{digits}'],
    ['http://127.0.0.1:8069/lookup?q={number}', 'http://127.0.0.1:8069/lookup?q={number}'],
    ['', ''],
  ])('%j is applied as %j, over the agent’s own', (value, applied) => {
    const state = applyPolicy({ crmLookupUrl: value }, null);
    expect(state.ignored).toEqual([]);
    expect(state.applied.crmLookup).toEqual({ urlTemplate: applied });
    expect(lockedFields(state, 'crmLookup')).toEqual(new Set(['urlTemplate']));
    expect(crmLookupUnderPolicy('https://own.example.com/?n={e164}', state)).toBe(applied);
  });

  test.each([
    ['http://crm.example.com/lookup?number={e164}', 'not_https'],
    ['https://crm.example.com/lookup', 'no_placeholder'],
    ['not a url {e164}', 'not_a_url'],
    [['https://crm.example.com/?n={e164}'], 'not_a_url'],
    [7, 'not_a_url'],
  ])('%j is ignored (%s), the agent keeps their own', (value, problem) => {
    const state = applyPolicy({ crmLookupUrl: value }, null);
    expect(state.applied.crmLookup).toBeUndefined();
    expect(state.ignored).toEqual([{ key: 'crmLookupUrl', reason: { code: 'crm_lookup', problem } }]);
    expect(crmLookupUnderPolicy('https://own.example.com/?n={e164}', state)).toBe('https://own.example.com/?n={e164}');
  });

  test('without a policy the agent’s own lookup URL is used', () => {
    expect(crmLookupUnderPolicy('https://own.example.com/?n={e164}', unmanaged)).toBe('https://own.example.com/?n={e164}');
  });

  test('any text: applied only as a usable https or loopback template, else ignored with a reason; never throws', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.webUrl().map((u) => `${u}?n={e164}`),
        ),
        (value) => {
          const state = applyPolicy({ crmLookupUrl: value, webhookUrl: value }, null);
          const lookup = state.applied.crmLookup?.urlTemplate;
          if (lookup !== undefined && lookup !== '') expect(lookup).toMatch(/^(https:|http:\/\/(127\.0\.0\.1|localhost|\[::1\])[:/])/);
          const webhook = state.applied.afterCallSettings?.webhookUrl;
          if (webhook !== undefined && webhook !== '') expect(webhook).toMatch(/^(https:|http:)/);
          expect(state.ignored.length + (lookup === undefined ? 0 : 1) + (webhook === undefined ? 0 : 1)).toBe(2);
        },
      ),
    );
  });
});
