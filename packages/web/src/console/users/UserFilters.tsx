import { Input, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { roleLabel, useRoles } from '../../api/roles';
import { useUnits } from '../../api/units';
import type { UserListQuery } from '../../api/users';

type Filters = Omit<UserListQuery, 'page' | 'pageSize'>;

/** Search by username or name; narrow by unit, role and status. */
export function UserFilters({ value, onChange }: { value: Filters; onChange: (next: Filters) => void }) {
  const { t, i18n } = useTranslation();
  const units = useUnits();
  const roles = useRoles();
  return (
    <search className="wj-toolbar">
      <Input.Search
        allowClear
        placeholder={t('users.searchPlaceholder')}
        aria-label={t('users.searchPlaceholder')}
        defaultValue={value.q}
        onSearch={(q) => onChange({ ...value, q: q.trim() || undefined })}
      />
      <Select
        allowClear
        showSearch={{ optionFilterProp: 'label' }}
        placeholder={t('users.filterUnit')}
        aria-label={t('users.filterUnit')}
        value={value.unitId}
        loading={units.isPending}
        options={(units.data?.items ?? []).map((u) => ({ value: u.id, label: u.name }))}
        onChange={(unitId?: number) => onChange({ ...value, unitId })}
        popupMatchSelectWidth={false}
      />
      <Select
        allowClear
        placeholder={t('users.filterRole')}
        aria-label={t('users.filterRole')}
        value={value.role}
        loading={roles.isPending}
        options={(roles.data ?? []).map((r) => ({ value: r.code, label: roleLabel(r, i18n.language) }))}
        onChange={(role?: string) => onChange({ ...value, role })}
      />
      <Select
        allowClear
        placeholder={t('users.filterStatus')}
        aria-label={t('users.filterStatus')}
        value={value.status}
        options={[
          { value: 'active', label: t('users.statusActive') },
          { value: 'disabled', label: t('users.statusDisabled') },
        ]}
        onChange={(status?: 'active' | 'disabled') => onChange({ ...value, status })}
      />
    </search>
  );
}
