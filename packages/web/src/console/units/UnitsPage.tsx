import { useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Input, Select, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { departmentLabel, UNITS_KEY, type Unit, useDepartments, useUnits } from '../../api/units';
import { ProblemAlert } from '../../ui/ProblemAlert';
import { UnitFormModal } from './UnitFormModal';
import { UnitList } from './UnitList';
import '../users/lists.css';

/** 单位管理: the departments' units at each region of the administrator's scope. */
export default function UnitsPage() {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const [filter, setFilterState] = useState<{ departmentCode?: string; q?: string }>({});
  const [page, setPage] = useState({ page: 1, pageSize: 20 });
  const setFilter = (next: typeof filter) => {
    setFilterState(next);
    setPage({ ...page, page: 1 });
  };
  const units = useUnits({ ...filter, ...page });
  const departments = useDepartments();
  const [editing, setEditing] = useState<Unit | 'new' | null>(null);

  return (
    <div className="wj-page">
      <div className="wj-title-row">
        <Typography.Title level={1} className="wj-page-title">
          {t('units.title')}
        </Typography.Title>
        <Button type="primary" onClick={() => setEditing('new')}>
          {t('units.create')}
        </Button>
      </div>
      <Card>
        <Typography.Paragraph className="wj-muted">{t('units.intro')}</Typography.Paragraph>
        <search className="wj-toolbar">
          <Input.Search
            allowClear
            placeholder={t('units.searchPlaceholder')}
            aria-label={t('units.searchPlaceholder')}
            onSearch={(q) => setFilter({ ...filter, q: q.trim() || undefined })}
          />
          <Select
            allowClear
            placeholder={t('units.filterDepartment')}
            aria-label={t('units.filterDepartment')}
            value={filter.departmentCode}
            options={(departments.data ?? []).map((d) => ({
              value: d.code,
              label: departmentLabel(d, i18n.language),
            }))}
            onChange={(departmentCode?: string) => setFilter({ ...filter, departmentCode })}
          />
        </search>
        {units.isError && <ProblemAlert error={units.error} />}
        <UnitList
          units={units.data?.items ?? []}
          total={units.data?.total ?? 0}
          loading={units.isFetching}
          page={page.page}
          pageSize={page.pageSize}
          onPage={(p, pageSize) => setPage({ page: p, pageSize })}
          onRename={setEditing}
        />
      </Card>
      {editing && (
        <UnitFormModal
          unit={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
          onSaved={(unit) => {
            void message.success(t('units.saved', { name: unit.name }));
            void queryClient.invalidateQueries({ queryKey: UNITS_KEY });
            setEditing(null);
          }}
        />
      )}
    </div>
  );
}
