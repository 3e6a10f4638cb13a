import { Card, Descriptions, Empty, Input, Table, type TableColumnsType, Tabs, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { hasPermission } from '../../../api/auth';
import { type ApplicationSummary, type InboxItem, useApplications, useInbox } from '../../../api/licensing';
import { ProblemAlert } from '../../../ui/ProblemAlert';
import { useIsPhone } from '../../../ui/useIsPhone';
import { useConsoleUser } from '../../consoleUser';
import { useLicensingLabels } from '../labels';
import { StateTag } from './ApplicationFacts';
import { DueCell, urgency } from './DueCell';

/** Where an inbox item is handled: applications here, tasks and revalidations on their licence. */
export const inboxPath = (i: InboxItem) =>
  i.kind === 'application'
    ? `/console/licensing/applications/${i.id}`
    : `/console/licensing/licenses/${i.kind}/${i.id}`;

function InboxList({ view }: { view: 'mine' | 'escalations' }) {
  const { t } = useTranslation();
  const labels = useLicensingLabels();
  const isPhone = useIsPhone();
  const q = useInbox(view);
  if (q.isError) return <ProblemAlert error={q.error} />;
  const items = q.data?.items ?? [];
  const what = (i: InboxItem) => `${labels.kind(i.kind)} · ${labels.step(i.step)}`;
  const head = q.data && (
    <p className="wj-muted wj-small">
      {t('licensing.today', { date: q.data.today, days: q.data.warningMarginDays })}
    </p>
  );
  if (isPhone)
    return (
      <div aria-busy={q.isPending}>
        {head}
        {items.length === 0 && !q.isPending && <Empty description={t('licensing.inboxEmpty')} />}
        <ul className="wj-cards">
          {items.map((i) => (
            <li key={`${i.kind}-${i.id}`}>
              <Card
                size="small"
                className={urgency(i) ? `wj-card-${urgency(i)}` : undefined}
                title={<Link to={inboxPath(i)}>{i.establishmentName}</Link>}
              >
                <Descriptions
                  size="small"
                  column={1}
                  items={[
                    { key: 'permit', label: t('licensing.permit'), children: i.title },
                    { key: 'step', label: t('licensing.state'), children: `${what(i)} · ${labels.state(i)}` },
                    { key: 'due', label: t('licensing.due'), children: <DueCell item={i} /> },
                  ]}
                />
              </Card>
            </li>
          ))}
        </ul>
      </div>
    );
  const columns: TableColumnsType<InboxItem> = [
    { key: 'due', title: t('licensing.due'), width: 200, render: (_, i) => <DueCell item={i} /> },
    {
      key: 'establishment',
      title: t('licensing.establishment'),
      render: (_, i) => <Link to={inboxPath(i)}>{i.establishmentName}</Link>,
    },
    { key: 'permit', title: t('licensing.permit'), dataIndex: 'title' },
    {
      key: 'step',
      title: t('licensing.state'),
      render: (_, i) => (
        <span className="wj-stack">
          <span>{what(i)}</span>
          <span className="wj-muted wj-small">{labels.state(i)}</span>
        </span>
      ),
    },
    { key: 'unit', title: t('licensing.unit'), dataIndex: 'unitName' },
  ];
  return (
    <>
      {head}
      <Table<InboxItem>
        rowKey={(i) => `${i.kind}-${i.id}`}
        size="middle"
        columns={columns}
        dataSource={items}
        loading={q.isPending}
        rowClassName={(i) => (urgency(i) ? `wj-row-${urgency(i)}` : '')}
        scroll={{ x: 'max-content' }}
        pagination={false}
        locale={{ emptyText: <Empty description={t('licensing.inboxEmpty')} /> }}
      />
    </>
  );
}

function AllApplications() {
  const { t } = useTranslation();
  const labels = useLicensingLabels();
  const isPhone = useIsPhone();
  const [q, setQ] = useState('');
  const [page, setPage] = useState(1);
  const list = useApplications({ q, page, pageSize: 20 });
  const due = (a: ApplicationSummary) => a.decideDue ?? a.acceptDue ?? '—';
  const columns: TableColumnsType<ApplicationSummary> = [
    {
      key: 'number',
      title: t('licensing.number'),
      render: (_, a) => <Link to={`/console/licensing/applications/${a.id}`}>{a.number ?? `#${a.id}`}</Link>,
    },
    { key: 'establishment', title: t('licensing.establishment'), render: (_, a) => a.establishment.name },
    { key: 'permit', title: t('licensing.permit'), render: (_, a) => labels.name(a.permit) },
    { key: 'mode', title: t('licensing.mode'), render: (_, a) => labels.mode(a.permit.mode) },
    {
      key: 'state',
      title: t('licensing.state'),
      render: (_, a) => <StateTag state={a.state} label={labels.state(a)} />,
    },
    {
      key: 'due',
      title: t('licensing.due'),
      render: (_, a) => (
        <>
          {due(a)} {a.overdue && <Tag color="red">{t('licensing.overdue')}</Tag>}
          {a.clockStopped && <Tag color="gold">{t('licensing.stopped')}</Tag>}
        </>
      ),
    },
  ];
  return (
    <>
      <div className="wj-toolbar">
        <Input.Search
          allowClear
          aria-label={t('licensing.search')}
          placeholder={t('licensing.search')}
          onSearch={(v) => {
            setQ(v.trim());
            setPage(1);
          }}
        />
      </div>
      {list.isError && <ProblemAlert error={list.error} />}
      {isPhone ? (
        <ul className="wj-cards">
          {(list.data?.items ?? []).map((a) => (
            <li key={a.id}>
              <Card
                size="small"
                title={<Link to={`/console/licensing/applications/${a.id}`}>{a.establishment.name}</Link>}
                extra={<StateTag state={a.state} label={labels.state(a)} />}
              >
                {labels.name(a.permit)} · {t('licensing.due')} {due(a)}
              </Card>
            </li>
          ))}
        </ul>
      ) : (
        <Table<ApplicationSummary>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={list.data?.items ?? []}
          loading={list.isPending}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: <Empty description={t('licensing.applicationsEmpty')} /> }}
          pagination={{ current: page, pageSize: 20, total: list.data?.total ?? 0, onChange: setPage }}
        />
      )}
    </>
  );
}

/** 许可办理: the user's work by legal deadline, the escalated overdue items, and every application. */
export function InboxPage() {
  const { t } = useTranslation();
  const user = useConsoleUser();
  const [params, setParams] = useSearchParams();
  const tab = params.get('view') ?? 'mine';
  return (
    <div className="wj-page wj-page-wide">
      <Typography.Title level={1} className="wj-page-title">
        {t('licensing.inboxTitle')}
      </Typography.Title>
      <p className="wj-muted">{t('licensing.inboxIntro')}</p>
      <Tabs
        activeKey={tab}
        onChange={(k) => setParams({ view: k })}
        items={[
          { key: 'mine', label: t('licensing.viewMine'), children: <InboxList view="mine" /> },
          ...(hasPermission(user, 'licensing.report.read')
            ? [
                {
                  key: 'escalations',
                  label: t('licensing.viewEscalations'),
                  children: <InboxList view="escalations" />,
                },
              ]
            : []),
          { key: 'all', label: t('licensing.viewAll'), children: <AllApplications /> },
        ]}
      />
    </div>
  );
}
