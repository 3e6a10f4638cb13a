import { Layout } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { LanguageSwitch } from './LanguageSwitch';

interface Props {
  /** Shown after the platform name on wider screens. */
  subtitle?: string;
  /** Where the brand links to. */
  home?: string;
  /** Placed before the language switch, e.g. a sign-in link or hamburger. */
  start?: ReactNode;
  children?: ReactNode;
}

/** The header every face shares: skip link, brand, extra actions, language switch. */
export function AppHeader({ subtitle, home = '/', start, children }: Props) {
  const { t } = useTranslation();
  return (
    <>
      <a className="wj-skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <Layout.Header className="wj-header">
        {start}
        <Link to={home} className="wj-brand">
          <img src="/favicon.svg" alt="" />
          <span>{t('app.name')}</span>
          <span className="wj-brand-sub wj-hide-phone">{subtitle ?? t('app.platform')}</span>
        </Link>
        <span className="wj-header-spacer" />
        {children}
        <LanguageSwitch />
      </Layout.Header>
    </>
  );
}
