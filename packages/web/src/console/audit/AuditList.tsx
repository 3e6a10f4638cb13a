import { Card, Descriptions, Empty, Pagination, Table, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { type AuditEvent, chinaTime } from '../../api/audit';
import { roleLabel, useRoles } from '../../api/roles';
import { useIsPhone } from '../../ui/useIsPhone';
import { DiffView } from './DiffView';
import { useAuditLabels } from './labels';

interface Props {
  items: AuditEvent[];
  total: number;
  loading: boolean;
  page: number;
  pageSize: number;
  onPage: (page: number, pageSize: number) => void;
}

function ActionCell({ event }: { event: AuditEvent }) {
  const labels = useAuditLabels();
  const label = labels.action(event.action);
  return (
    <span className="wj-stack">
      {label && <span>{label}</span>}
      <code className="wj-code">{event.action}</code>
    </span>
  );
}

/** The actor's roles at the time, by name where the role still exists (codes otherwise). */
function ActorCell({ event }: { event: AuditEvent }) {
  const { t, i18n } = useTranslation();
  const roles = useRoles();
  const name = (code: string) => {
    const role = roles.data?.find((r) => r.code === code);
    return role ? roleLabel(role, i18n.language) : code;
  };
  return (
    <span className="wj-stack">
      <span>{event.actorName ?? t('audit.system')}</span>
      {event.actorRoles.length > 0 && (
        <span className="wj-muted wj-small">{event.actorRoles.map(name).join('、')}</span>
      )}
    </span>
  );
}

/** Newest first; the difference opens under a row (cards on phones). Times are Beijing time. */
export function AuditList({ items, total, loading, page, pageSize, onPage }: Props) {
  const { t } = useTranslation();
  const isPhone = useIsPhone();
  const labels = useAuditLabels();
  const entity = (e: AuditEvent) => `${labels.entity(e.entityType)}${e.entityId ? ` #${e.entityId}` : ''}`;
  const showTotal = (n: number) => t('common.total', { count: n });

  if (isPhone) {
    return (
      <div aria-busy={loading}>
        {items.length === 0 && !loading && <Empty description={t('audit.empty')} />}
        <ul className="wj-cards">
          {items.map((e) => (
            <li key={e.id}>
              <Card
                size="small"
                title={<ActionCell event={e} />}
                extra={<span className="wj-code">#{e.id}</span>}
              >
                <Descriptions
                  size="small"
                  column={1}
                  items={[
                    { key: 'time', label: t('audit.time'), children: chinaTime(e.occurredAt) },
                    { key: 'actor', label: t('audit.actor'), children: <ActorCell event={e} /> },
                    { key: 'unit', label: t('audit.unit'), children: e.actorUnit?.name ?? '—' },
                    { key: 'ip', label: t('audit.ip'), children: e.sourceIp ?? '—' },
                    { key: 'entity', label: t('audit.entity'), children: entity(e) },
                  ]}
                />
                {Object.keys(e.diff).length > 0 && (
                  <details className="wj-diff-details">
                    <summary>{t('audit.diff')}</summary>
                    <div className="wj-scroll-x">
                      <DiffView diff={e.diff} />
                    </div>
                  </details>
                )}
              </Card>
            </li>
          ))}
        </ul>
        <Pagination
          simple
          current={page}
          pageSize={pageSize}
          total={total}
          onChange={onPage}
          align="center"
        />
      </div>
    );
  }

  const columns: TableColumnsType<AuditEvent> = [
    { key: 'id', title: t('audit.id'), dataIndex: 'id', width: 64 },
    {
      key: 'time',
      title: t('audit.timeBeijing'),
      render: (_, e) => <time dateTime={e.occurredAt}>{chinaTime(e.occurredAt)}</time>,
      width: 160,
    },
    { key: 'actor', title: t('audit.actor'), render: (_, e) => <ActorCell event={e} /> },
    { key: 'unit', title: t('audit.unit'), render: (_, e) => e.actorUnit?.name ?? '—' },
    { key: 'ip', title: t('audit.ip'), render: (_, e) => e.sourceIp ?? '—' },
    { key: 'action', title: t('audit.action'), render: (_, e) => <ActionCell event={e} /> },
    { key: 'entity', title: t('audit.entity'), render: (_, e) => entity(e) },
  ];
  return (
    <Table<AuditEvent>
      rowKey="id"
      size="small"
      columns={columns}
      dataSource={items}
      loading={loading}
      scroll={{ x: 960 }}
      locale={{ emptyText: <Empty description={t('audit.empty')} /> }}
      expandable={{
        expandedRowRender: (e) => <DiffView diff={e.diff} />,
        rowExpandable: (e) => Object.keys(e.diff).length > 0,
      }}
      pagination={{
        current: page,
        pageSize,
        total,
        showSizeChanger: true,
        pageSizeOptions: [20, 50, 100, 200],
        showTotal,
        onChange: onPage,
      }}
    />
  );
}
