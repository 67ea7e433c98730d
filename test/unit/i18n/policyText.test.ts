import { beforeAll, describe, expect, test } from 'vitest';
import { ignoredPolicyText } from '../../../src/i18n/policyText';
import { applyPolicy } from '../../../src/policy/apply';
import { installEnglish } from './englishMessages';

beforeAll(installEnglish);

describe('why a policy URL is ignored, as Settings says it', () => {
  test.each([
    ['crmLookupUrl', 'http://crm.example.com/?n={e164}', '“crmLookupUrl” is ignored: The lookup URL must use https://'],
    ['crmLookupUrl', 'https://crm.example.com/lookup', '“crmLookupUrl” is ignored: Put {e164}, {digits} or {number} where the number goes'],
    ['crmLookupUrl', 42, '“crmLookupUrl” is ignored: This is not a web address'],
    ['webhookUrl', 'http://crm.example.com/hooks', /^“webhookUrl” is ignored: The webhook URL must use https/],
  ])('%s = %j', (key, value, text) => {
    const [ignored] = applyPolicy({ [key]: value }, null).ignored;
    expect(ignoredPolicyText(ignored!)).toMatch(text);
  });
});
