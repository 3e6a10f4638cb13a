import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { groupByModule, permissionLabel, type Role, usePermissionCatalogue } from '../../api/roles';
import { useModuleLabel } from './moduleLabel';

/** A role's permissions, grouped by module, as tags with the catalogue's labels. */
export function RolePermissions({ role }: { role: Role }) {
  const { t, i18n } = useTranslation();
  const catalogue = usePermissionCatalogue();
  const moduleLabel = useModuleLabel();
  if (role.permissions.length === 0) return <span className="wj-muted">{t('roles.noPermissions')}</span>;
  const held = new Set(role.permissions);
  const known = (catalogue.data ?? []).filter((p) => held.has(p.name));
  return (
    <dl className="wj-role-permissions">
      {groupByModule(known).map(([module, entries]) => (
        <div key={module}>
          <dt>{moduleLabel(module)}</dt>
          <dd>
            {entries.map((p) => (
              <Tag key={p.name} title={p.name}>
                {permissionLabel(p, i18n.language)}
              </Tag>
            ))}
          </dd>
        </div>
      ))}
    </dl>
  );
}
