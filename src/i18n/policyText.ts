import type { CrmTemplateProblem } from '../contacts/crmLookup';
import type { IgnoredPolicyValue, PolicyReason } from '../policy/state';
import { describeColleagueSettingsError } from './colleagueText';
import { type MessageKey, t } from './index';
import { describeQueueSettingsError } from './queueText';
import { contactsFileErrorText, screenPopErrorText } from './screenPopText';
import { accountErrorText, afterCallErrorText, callerIdIssueText, preferenceErrorText } from './settingsText';

const CRM_PROBLEMS: Record<CrmTemplateProblem, MessageKey> = {
  not_a_url: 'crmErrorNotUrl',
  not_https: 'crmErrorNotHttps',
  no_placeholder: 'crmErrorNoPlaceholder',
};

function reasonText(reason: PolicyReason): string {
  switch (reason.code) {
    case 'account':
      return accountErrorText(reason.error);
    case 'caller_id':
      return callerIdIssueText(reason.issue);
    case 'queues':
      return describeQueueSettingsError(reason.error);
    case 'preferences':
      return preferenceErrorText(reason.error);
    case 'click_to_call':
      return t('policyClickToCallInvalid');
    case 'after_call':
      return afterCallErrorText(reason.error);
    case 'colleagues':
      return describeColleagueSettingsError(reason.error);
    case 'screen_pop':
      return screenPopErrorText(reason.error);
    case 'carddav':
      return contactsFileErrorText(reason.error);
    case 'crm_lookup':
      return t(CRM_PROBLEMS[reason.problem]);
    default:
      return t('policyUnknownSetting');
  }
}

/** One policy value the softphone ignores, and why, e.g. "“domain” is ignored: the domain is not valid". */
export function ignoredPolicyText(ignored: IgnoredPolicyValue): string {
  return t('policyIgnored', [ignored.key, reasonText(ignored.reason)]);
}
