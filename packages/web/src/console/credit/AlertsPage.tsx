import {
  Button,
  Card,
  Drawer,
  Empty,
  Pagination,
  Segmented,
  Table,
  type TableColumnsType,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../ui/ProblemAlert';
import { useIsPhone } from '../../ui/useIsPhone';
import { AlertDetail, AlertStateTags } from './AlertDetail';
import { type AlertQuery, type CreditAlert, useAlerts } from './creditApi';
import { useBilingual } from './labels';
import '../users/lists.css';
import '../audit/audit.css';
import '../registry/registry.css';
import './credit.css';

type View = 'todo' | 'overdue' | 'mine' | 'handled' | 'all';
const VIEWS: Record<View, Omit<AlertQuery, 'page' | 'pageSize'>> = {
  todo: { status: 'open,assigned,checked' },
  overdue: { overdue: 'true' },
  mine: { mine: 'true', status: 'assigned,checked' },
  handled: { status: 'handled' },
  all: {},
};
const SEVERITY_COLORS = { high: 'red', medium: 'orange', low: 'blue' } as const;

/** 风险预警: the inbox (to do, overdue, mine, handled) and one warning's handling in a drawer. */
export default function AlertsPage() {
  const { t } = useTranslation();
  const { pair } = useBilingual();
  const isPhone = useIsPhone();
  const [view, setView] = useState<View>('todo');
  const [page, setPage] = useState(1);
  const [openId, setOpenId] = useState<number | null>(null);
  const list = useAlerts({ ...VIEWS[view], page, pageSize: 20 });
  const items = list.data?.items ?? [];

  const title = (a: CreditAlert) => (
    <Button type="link" className="wj-link-button" onClick={() => setOpenId(a.id)}>
      {pair(a.ruleNameZh, a.ruleNameEn)}
    </Button>
  );
  const columns: TableColumnsType<CreditAlert> = [
    {
      key: 'severity',
      title: t('credit.severity'),
      width: 70,
      render: (_, a) => (
        <Tag color={SEVERITY_COLORS[a.severity]}>{t(`credit.alertSeverity.${a.severity}`)}</Tag>
      ),
    },
    { key: 'rule', title: t('credit.warningRule'), render: (_, a) => title(a) },
    {
      key: 'est',
      title: t('credit.establishment'),
      render: (_, a) => a.establishmentName ?? a.establishmentId,
    },
    { key: 'summary', title: t('credit.reason'), render: (_, a) => pair(a.summaryZh, a.summaryEn) },
    { key: 'due', title: t('credit.dueOn'), dataIndex: 'dueOn', width: 110 },
    {
      key: 'assignee',
      title: t('credit.assignee'),
      render: (_, a) => a.assignee?.username ?? t('credit.unassigned'),
    },
    { key: 'state', title: t('credit.status'), render: (_, a) => <AlertStateTags a={a} /> },
  ];

  return (
    <div className="wj-page wj-page-wide">
      <Typography.Title level={1} className="wj-page-title">
        {t('credit.alertsTitle')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('credit.alertsIntro')}</Typography.Paragraph>
      <Card>
        <div className="wj-toolbar">
          <Segmented
            value={view}
            onChange={(v) => {
              setView(v as View);
              setPage(1);
            }}
            options={(Object.keys(VIEWS) as View[]).map((v) => ({ value: v, label: t(`credit.views.${v}`) }))}
          />
        </div>
        {list.isError && <ProblemAlert error={list.error} />}
        {isPhone ? (
          <div aria-busy={list.isFetching}>
            {items.length === 0 && !list.isFetching && <Empty description={t('credit.noAlerts')} />}
            <ul className="wj-cards">
              {items.map((a) => (
                <li key={a.id}>
                  <Card
                    size="small"
                    title={title(a)}
                    extra={
                      <Tag color={SEVERITY_COLORS[a.severity]}>{t(`credit.alertSeverity.${a.severity}`)}</Tag>
                    }
                  >
                    <div>
                      <strong>{a.establishmentName}</strong>
                    </div>
                    <div>{pair(a.summaryZh, a.summaryEn)}</div>
                    <div className="wj-muted wj-small">
                      {t('credit.dueOn')} {a.dueOn} · {a.assignee?.username ?? t('credit.unassigned')}
                    </div>
                    <AlertStateTags a={a} />
                  </Card>
                </li>
              ))}
            </ul>
            <Pagination
              simple
              current={page}
              pageSize={20}
              total={list.data?.total ?? 0}
              onChange={setPage}
              align="center"
            />
          </div>
        ) : (
          <Table<CreditAlert>
            rowKey="id"
            columns={columns}
            dataSource={items}
            loading={list.isFetching}
            scroll={{ x: 'max-content' }}
            locale={{ emptyText: <Empty description={t('credit.noAlerts')} /> }}
            pagination={{ current: page, pageSize: 20, total: list.data?.total ?? 0, onChange: setPage }}
          />
        )}
      </Card>
      <Drawer
        open={openId !== null}
        onClose={() => setOpenId(null)}
        size={isPhone ? '100%' : 560}
        title={t('credit.detail')}
        destroyOnHidden
      >
        {openId !== null && <AlertDetail id={openId} />}
      </Drawer>
    </div>
  );
}
