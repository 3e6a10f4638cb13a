import { Menu } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { hasPermission } from '../api/auth';
import { useConsoleUser } from './consoleUser';
import { consoleMenu, consolePath } from './menu';

/** The side menu, built from the registry and filtered by the user's permissions. */
export function ConsoleMenu({ onNavigate }: { onNavigate?: () => void }) {
  const { t } = useTranslation();
  const user = useConsoleUser();
  const { pathname } = useLocation();
  const entries = consoleMenu.filter((entry) => hasPermission(user, entry.permission));
  // The entry whose path is the longest prefix of the current path is selected (home only when exact).
  const selected = entries
    .filter(
      (e) => pathname === consolePath(e) || (e.path !== '' && pathname.startsWith(`${consolePath(e)}/`)),
    )
    .sort((a, b) => consolePath(b).length - consolePath(a).length)[0];

  return (
    <nav aria-label={t('console.navLabel')}>
      <Menu
        mode="inline"
        className="wj-console-menu"
        style={{ borderInlineEnd: 'none' }}
        selectedKeys={selected ? [selected.key] : []}
        onClick={() => onNavigate?.()}
        items={entries.map((entry) => {
          const Icon = entry.icon;
          return {
            key: entry.key,
            icon: <Icon />,
            label: (
              <Link to={consolePath(entry)} aria-current={selected?.key === entry.key ? 'page' : undefined}>
                {t(entry.label)}
              </Link>
            ),
          };
        })}
      />
    </nav>
  );
}
