import { Button, Drawer, Layout } from 'antd';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { signOut } from '../api/auth';
import { AppHeader } from '../ui/AppHeader';
import { MenuIcon, SignOutIcon } from '../ui/icons';
import { useIsPhone } from '../ui/useIsPhone';
import { ConsoleMenu } from './ConsoleMenu';
import { useConsoleUser } from './consoleUser';

/** Header (user, unit, language, sign-out), side menu (a drawer on phones), and the page. */
export function ConsoleLayout({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const user = useConsoleUser();
  const isPhone = useIsPhone();
  const [drawerOpen, setDrawerOpen] = useState(false);

  const leave = async () => {
    try {
      await signOut();
    } catch {
      // Already signed out or unreachable: leave anyway.
    }
    // A full load drops every cached answer of the signed-out user from memory.
    window.location.assign('/console/login');
  };

  const who = (
    <span className="wj-user">
      <strong>{user.displayName}</strong>
      {user.unit && <span className="wj-muted">{user.unit.name}</span>}
    </span>
  );

  return (
    <Layout className="wj-shell">
      <AppHeader
        subtitle={t('console.title')}
        home="/console"
        start={
          isPhone && (
            <Button
              type="text"
              icon={<MenuIcon />}
              aria-label={t('console.openMenu')}
              aria-expanded={drawerOpen}
              onClick={() => setDrawerOpen(true)}
            />
          )
        }
      >
        {!isPhone && who}
        <Button
          type="text"
          icon={<SignOutIcon />}
          onClick={() => void leave()}
          {...(isPhone ? { 'aria-label': t('console.signOut') } : {})}
        >
          {!isPhone && t('console.signOut')}
        </Button>
      </AppHeader>
      <Layout hasSider={!isPhone}>
        {isPhone ? (
          <Drawer
            open={drawerOpen}
            placement="left"
            size={280}
            title={who}
            onClose={() => setDrawerOpen(false)}
            styles={{ body: { padding: 0 } }}
          >
            <ConsoleMenu onNavigate={() => setDrawerOpen(false)} />
          </Drawer>
        ) : (
          <Layout.Sider width={216} className="wj-sider">
            <ConsoleMenu />
          </Layout.Sider>
        )}
        <Layout.Content id="main" tabIndex={-1} className="wj-console-main">
          {children}
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
