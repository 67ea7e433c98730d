import type { RecordTemplateProblem } from '../contacts/recordTemplate';
import type { ScreenPopSettingsError } from '../contacts/screenPop';
import { type MessageKey, t } from './index';

const PROBLEMS: Record<RecordTemplateProblem, MessageKey> = {
  not_a_url: 'recordTemplateNotUrl',
  not_http: 'recordTemplateNotHttp',
  no_placeholder: 'recordTemplateNoPlaceholder',
  unknown_placeholder: 'recordTemplateUnknownPlaceholder',
  placeholder_in_origin: 'recordTemplateInOrigin',
};

/** What is wrong with a record URL template, e.g. "The record URL must start with https:// or http://". */
export function recordTemplateProblemText(problem: RecordTemplateProblem | 'not_found'): string {
  return problem === 'not_found' ? t('recordTemplateSourceGone') : t(PROBLEMS[problem]);
}

export function screenPopErrorText(error: ScreenPopSettingsError): string {
  if (error.field === 'recordUrlTemplate') return recordTemplateProblemText(error.problem);
  return t('screenPopInvalid', error.field);
}
