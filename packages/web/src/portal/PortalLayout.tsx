import { Layout } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { AppHeader } from '../ui/AppHeader';
import { PortalFooter } from './PortalFooter';

interface Props {
  children: ReactNode;
  subtitle?: string;
  /** Show the 工作人员登录 link (hidden on the sign-in pages themselves). */
  staffLink?: boolean;
  actions?: ReactNode;
}

/**
 * The Ant Design shell of the sign-in pages (console sign-in, /my): header, main landmark, footer.
 * The public pages use the light shell/PublicLayout.tsx instead, so they never load Ant Design.
 */
export function PortalLayout({ children, subtitle, staffLink = true, actions }: Props) {
  const { t } = useTranslation();
  return (
    <Layout className="wj-shell">
      <AppHeader {...(subtitle ? { subtitle } : {})}>
        {actions}
        {staffLink && (
          <Link to="/console/login" className="wj-header-link">
            {t('portal.staffSignIn')}
          </Link>
        )}
      </AppHeader>
      <Layout.Content id="main" tabIndex={-1}>
        <div className="wj-page">{children}</div>
      </Layout.Content>
      <PortalFooter />
    </Layout>
  );
}
