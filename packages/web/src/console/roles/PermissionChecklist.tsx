import { Checkbox } from 'antd';
import { useTranslation } from 'react-i18next';
import { groupByModule, type PermissionEntry, permissionLabel } from '../../api/roles';
import { useModuleLabel } from './moduleLabel';

interface Props {
  catalogue: PermissionEntry[];
  value?: string[];
  onChange?: (value: string[]) => void;
  /** Permissions that may be ticked; others may only stay as they are or be removed. */
  grantable: (permission: string) => boolean;
}

/** Permissions as checkboxes, one group per module (the name's prefix), with the labels of GET /permissions. */
export function PermissionChecklist({ catalogue, value = [], onChange, grantable }: Props) {
  const { t, i18n } = useTranslation();
  const moduleLabel = useModuleLabel();
  const chosen = new Set(value);
  const set = (names: string[], on: boolean) => {
    const next = new Set(chosen);
    for (const n of names) {
      if (on && grantable(n)) next.add(n);
      if (!on) next.delete(n);
    }
    onChange?.(catalogue.map((p) => p.name).filter((n) => next.has(n)));
  };

  return (
    <div className="wj-permissions">
      {groupByModule(catalogue).map(([module, entries]) => {
        const names = entries.map((e) => e.name);
        const on = names.filter((n) => chosen.has(n)).length;
        return (
          <fieldset key={module} className="wj-permission-group">
            <legend>
              <Checkbox
                checked={on === names.length}
                indeterminate={on > 0 && on < names.length}
                onChange={(e) => set(names, e.target.checked)}
              >
                <strong>{moduleLabel(module)}</strong>
              </Checkbox>
            </legend>
            {entries.map((p) => {
              const allowed = grantable(p.name) || chosen.has(p.name);
              return (
                <div key={p.name} className="wj-permission">
                  <Checkbox
                    checked={chosen.has(p.name)}
                    disabled={!allowed}
                    onChange={(e) => set([p.name], e.target.checked)}
                  >
                    {permissionLabel(p, i18n.language)}
                    <code className="wj-code wj-permission-code">{p.name}</code>
                    {!allowed && <span className="wj-muted"> {t('roles.notGrantable')}</span>}
                  </Checkbox>
                </div>
              );
            })}
          </fieldset>
        );
      })}
    </div>
  );
}
