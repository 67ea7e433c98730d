import { t } from '../i18n';
import { ignoredPolicyText } from '../i18n/policyText';
import { usePolicy } from '../ui/usePolicy';

/** That the administrator manages the softphone, and the policy values it ignores with why. */
export function PolicySection() {
  const policy = usePolicy();
  if (!policy.managed) return null;
  return (
    <section aria-labelledby="policy-heading" class="settings-section managed">
      <h2 id="policy-heading">{t('policyManaged')}</h2>
      <p class="hint">{t('policyManagedHint')}</p>
      {policy.ignored.length > 0 && (
        <div role="alert">
          <h3 id="policy-ignored-heading">{t('policyIgnoredTitle')}</h3>
          <ul class="error" aria-labelledby="policy-ignored-heading">
            {policy.ignored.map((ignored) => (
              <li key={ignored.key}>{ignoredPolicyText(ignored)}</li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}
