import { useTranslation } from 'react-i18next';
import { passwordChecks } from '../../api/identity';

/** The password policy, shown before typing, each rule ticked off as it is met. */
export function PasswordPolicy({ password, username }: { password: string; username: string }) {
  const { t } = useTranslation();
  const checks = passwordChecks(password, username);
  const rules = [
    { key: 'length', met: checks.length, text: t('account.policyLength') },
    { key: 'classes', met: checks.classes, text: t('account.policyClasses') },
    { key: 'username', met: checks.username, text: t('account.policyUsername', { username }) },
  ];
  return (
    <div className="wj-policy">
      <p className="wj-policy-title">{t('account.policyTitle')}</p>
      <ul>
        {rules.map((rule) => (
          <li key={rule.key} className={rule.met ? 'wj-policy-met' : undefined}>
            <span aria-hidden="true" className="wj-policy-mark">
              {rule.met ? '✓' : '•'}
            </span>
            {rule.text}
            {rule.met && <span className="wj-visually-hidden">{t('account.policyMet')}</span>}
          </li>
        ))}
      </ul>
    </div>
  );
}
