import { Segmented } from 'antd';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router';

const TABS = ['home', 'permits', 'applications', 'licenses', 'credit'] as const;
const pathOf = (k: (typeof TABS)[number]) => (k === 'home' ? '/my' : `/my/${k}`);

/** The institution portal's sections: home, guides (the catalogue), applications, licences. */
export function MyNav() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const current = TABS.find((k) => k !== 'home' && pathname.startsWith(pathOf(k))) ?? 'home';
  return (
    <nav aria-label={t('licensing.myTitle')} className="wj-my-nav">
      <Segmented
        value={current}
        onChange={(k) => navigate(pathOf(k as (typeof TABS)[number]))}
        options={TABS.map((k) => ({
          value: k,
          // The credit tab is the credit module's page (/my/credit), labelled in its own strings.
          label: k === 'credit' ? t('credit.my.nav') : t(`licensing.myNav.${k}`),
        }))}
      />
    </nav>
  );
}
