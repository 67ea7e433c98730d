import type { CrmTemplateProblem } from '../contacts/crmLookup';
import type { RecordTemplateProblem } from '../contacts/recordTemplate';
import type { ScreenPopSettingsError } from '../contacts/screenPop';
import type { ContactsFileError } from '../settings/contactsSection';
import { type MessageKey, t } from './index';

const PROBLEMS: Record<RecordTemplateProblem, MessageKey> = {
  not_a_url: 'recordTemplateNotUrl',
  not_http: 'recordTemplateNotHttp',
  no_placeholder: 'recordTemplateNoPlaceholder',
  unknown_placeholder: 'recordTemplateUnknownPlaceholder',
  placeholder_in_origin: 'recordTemplateInOrigin',
};

/** What is wrong with a record URL template, e.g. "The record URL must start with https:// or http://". */
export function recordTemplateProblemText(problem: RecordTemplateProblem | 'not_found' | 'managed_by_policy'): string {
  if (problem === 'managed_by_policy') return t('policySetByAdmin');
  return problem === 'not_found' ? t('recordTemplateSourceGone') : t(PROBLEMS[problem]);
}

export function screenPopErrorText(error: ScreenPopSettingsError): string {
  if (error.field === 'recordUrlTemplate') return recordTemplateProblemText(error.problem);
  return t('screenPopInvalid', error.field);
}

const CRM_PROBLEMS: Record<CrmTemplateProblem, MessageKey> = {
  not_a_url: 'crmErrorNotUrl',
  not_https: 'crmErrorNotHttps',
  no_placeholder: 'crmErrorNoPlaceholder',
};

/** What is wrong with a settings file's contacts section, e.g. "address book 2: the username is missing". */
export function contactsFileErrorText(error: ContactsFileError): string {
  switch (error.code) {
    case 'not_an_object':
      return t('contactsFileNotObject');
    case 'unknown_field':
      return t('contactsFileUnknownField', error.field);
    case 'wrong_type':
      return t('contactsFileWrongType', error.field);
    case 'carddav_url':
      return t('contactsFileCardDavUrl', String(error.index + 1));
    case 'carddav_username':
      return t('contactsFileCardDavUsername', String(error.index + 1));
    case 'carddav_duplicate':
      return t('contactsFileCardDavDuplicate', String(error.index + 1));
    case 'carddav_record_template':
      return t('contactsFileCardDavTemplate', [String(error.index + 1), recordTemplateProblemText(error.problem)]);
    case 'crm_lookup_url':
      return t(CRM_PROBLEMS[error.problem]);
    case 'record_template':
      return recordTemplateProblemText(error.problem);
  }
}
