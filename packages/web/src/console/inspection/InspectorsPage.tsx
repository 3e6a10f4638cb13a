import {
  Button,
  Card,
  Descriptions,
  Empty,
  Input,
  Pagination,
  Select,
  Table,
  type TableColumnsType,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { hasPermission } from '../../api/auth';
import { type Inspector, useInspectors } from '../../api/inspection';
import { type EditableInspector, rosterExportUrl } from '../../api/inspectionEditors';
import { ProblemAlert } from '../../ui/ProblemAlert';
import { useIsPhone } from '../../ui/useIsPhone';
import { useConsoleUser } from '../consoleUser';
import { useInspectionLabels } from './labels';
import { CertificateTag } from './roster/CertificateTag';
import { ConflictsDialog } from './roster/ConflictsDialog';
import { DeactivateDialog } from './roster/DeactivateDialog';
import { InspectorForm } from './roster/InspectorForm';
import { OfficerActions } from './roster/OfficerActions';
import { RosterImport } from './roster/RosterImport';
import '../users/lists.css';
import '../registry/registry.css';
import './inspection.css';
import './figures/figures.css';
import './roster/roster.css';
import './checklists/editors.css';

const PAGE_SIZE = 50;

/**
 * 执法人员名录: the roster the draw takes teams from (one of the "两库"); roster managers add and
 * change officers (certificate and its term, unit, specialties), deactivate them, and import or
 * export the roster as Excel.
 */
export default function InspectorsPage() {
  const { t } = useTranslation();
  const isPhone = useIsPhone();
  const labels = useInspectionLabels();
  const [q, setQ] = useState<string | undefined>();
  const [available, setAvailable] = useState<string | undefined>();
  const [page, setPage] = useState(1);
  const [conflictsOf, setConflictsOf] = useState<Inspector | null>(null);
  const [editing, setEditing] = useState<EditableInspector | 'new' | null>(null);
  const [deactivating, setDeactivating] = useState<EditableInspector | null>(null);
  const [importing, setImporting] = useState(false);
  const user = useConsoleUser();
  const manages = hasPermission(user, 'inspection.roster.manage');
  const list = useInspectors({ q, available, page, pageSize: PAGE_SIZE });
  const items = (list.data?.items ?? []) as EditableInspector[];
  const specialtyNames = (codes: string[]) =>
    codes
      .map((c) => t(`inspectionEditors.specialtyNames.${c}` as 'inspectionEditors.kind', { defaultValue: c }))
      .join('、') || '—';
  const actions = (o: EditableInspector) =>
    manages ? (
      <OfficerActions officer={o} onEdit={() => setEditing(o)} onDeactivate={() => setDeactivating(o)} />
    ) : null;
  const availability = (o: Inspector) =>
    o.available ? (
      <Tag color="green">{t('inspection.availableYes')}</Tag>
    ) : (
      <Tag>
        {t('inspection.availableNo')}
        {o.unavailableReason ? `：${o.unavailableReason}` : ''}
      </Tag>
    );
  const conflictsButton = (o: Inspector) => (
    <Button
      size="small"
      aria-label={`${t('inspectionPlan.conflicts')} ${o.name}`}
      onClick={() => setConflictsOf(o)}
    >
      {t('inspectionPlan.conflicts')}
    </Button>
  );
  const columns: TableColumnsType<EditableInspector> = [
    { key: 'name', title: t('inspection.name'), dataIndex: 'name' },
    {
      key: 'cert',
      title: t('inspection.certificateNo'),
      render: (_, o) => <span className="wj-mono">{o.certificateNo}</span>,
    },
    {
      key: 'valid',
      title: t('inspectionEditors.certificateValidUntil'),
      render: (_, o) => <CertificateTag validUntil={o.certificateValidUntil} />,
    },
    { key: 'unit', title: t('inspection.unit'), render: (_, o) => o.unit.name },
    { key: 'spec', title: t('inspection.specialties'), render: (_, o) => specialtyNames(o.specialties) },
    { key: 'av', title: t('inspection.availability'), render: (_, o) => availability(o) },
    { key: 'open', title: t('inspection.openTasks'), dataIndex: 'openTasks', align: 'right' },
    { key: 'conflicts', title: t('inspectionPlan.conflicts'), render: (_, o) => conflictsButton(o) },
    ...(manages
      ? [
          {
            key: 'actions',
            title: t('inspectionEditors.actions'),
            render: (_: unknown, o: EditableInspector) => actions(o),
          },
        ]
      : []),
  ];
  return (
    <div className="wj-page wj-page-wide">
      <Typography.Title level={1} className="wj-page-title">
        {t('inspection.inspectorsTitle')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('inspection.inspectorsIntro')}</Typography.Paragraph>
      <div className="wj-toolbar">
        <Input.Search
          allowClear
          aria-label={t('inspection.searchInspector')}
          placeholder={t('inspection.searchInspector')}
          onSearch={(v) => {
            setQ(v.trim() || undefined);
            setPage(1);
          }}
        />
        <Select<string>
          allowClear
          aria-label={t('inspection.availability')}
          placeholder={t('inspection.availability')}
          value={available}
          onChange={(v) => {
            setAvailable(v);
            setPage(1);
          }}
          options={[
            { value: 'true', label: t('inspection.availableYes') },
            { value: 'false', label: t('inspection.availableNo') },
          ]}
        />
      </div>
      <div className="wj-checklist-actions">
        {manages && (
          <Button type="primary" onClick={() => setEditing('new')}>
            {t('inspectionEditors.addInspector')}
          </Button>
        )}
        {manages && <Button onClick={() => setImporting(true)}>{t('inspectionEditors.importXlsx')}</Button>}
        <Button href={rosterExportUrl} download>
          {t('inspectionEditors.exportXlsx')}
        </Button>
      </div>
      <ProblemAlert error={list.error} />
      {conflictsOf && <ConflictsDialog officer={conflictsOf} onClose={() => setConflictsOf(null)} />}
      {editing && (
        <InspectorForm officer={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />
      )}
      {deactivating && <DeactivateDialog officer={deactivating} onClose={() => setDeactivating(null)} />}
      {importing && <RosterImport onClose={() => setImporting(false)} />}
      {isPhone ? (
        <div aria-busy={list.isFetching}>
          {items.length === 0 && !list.isPending && <Empty description={t('inspection.noInspectors')} />}
          <ul className="wj-cards">
            {items.map((o) => (
              <li key={o.id}>
                <Card size="small" title={o.name} extra={availability(o)}>
                  <Descriptions
                    size="small"
                    column={1}
                    items={[
                      {
                        key: 'c',
                        label: t('inspection.certificateNo'),
                        children: <span className="wj-mono">{o.certificateNo}</span>,
                      },
                      {
                        key: 'v',
                        label: t('inspectionEditors.certificateValidUntil'),
                        children: <CertificateTag validUntil={o.certificateValidUntil} />,
                      },
                      {
                        key: 'u',
                        label: t('inspection.unit'),
                        children: `${o.unit.name}（${labels.department(o.departmentCode)}）`,
                      },
                      {
                        key: 's',
                        label: t('inspection.specialties'),
                        children: specialtyNames(o.specialties),
                      },
                      { key: 'o', label: t('inspection.openTasks'), children: o.openTasks },
                    ]}
                  />
                  <div className="wj-checklist-actions">
                    {conflictsButton(o)}
                    {actions(o)}
                  </div>
                </Card>
              </li>
            ))}
          </ul>
          <Pagination
            simple
            current={page}
            pageSize={PAGE_SIZE}
            total={list.data?.total ?? 0}
            onChange={setPage}
            align="center"
          />
        </div>
      ) : (
        <Table<EditableInspector>
          rowKey="id"
          size="small"
          columns={columns}
          dataSource={items}
          loading={list.isFetching}
          locale={{ emptyText: t('inspection.noInspectors') }}
          pagination={{
            current: page,
            pageSize: PAGE_SIZE,
            total: list.data?.total ?? 0,
            onChange: setPage,
            showTotal: (n) => t('common.total', { count: n }),
          }}
        />
      )}
    </div>
  );
}
