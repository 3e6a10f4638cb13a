import {
  Button,
  Card,
  Descriptions,
  Empty,
  Pagination,
  Select,
  Table,
  type TableColumnsType,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { hasPermission } from '../../../api/auth';
import { type Campaign, useCampaigns } from '../../../api/inspection';
import { ProblemAlert } from '../../../ui/ProblemAlert';
import { useIsPhone } from '../../../ui/useIsPhone';
import { useConsoleUser } from '../../consoleUser';
import { CAMPAIGN_STATUS_COLORS, campaignPath, useInspectionLabels } from '../labels';

const STATUSES = ['draft', 'approved', 'frozen', 'drawn', 'cancelled'];

export function CampaignStatusTag({ status }: { status: string }) {
  const labels = useInspectionLabels();
  return <Tag color={CAMPAIGN_STATUS_COLORS[status]}>{labels.status(status)}</Tag>;
}

/** 双随机抽查计划: the campaigns of the user's region in which their department takes part. */
export function CampaignListPage() {
  const { t } = useTranslation();
  const isPhone = useIsPhone();
  const user = useConsoleUser();
  const labels = useInspectionLabels();
  const [status, setStatus] = useState<string | undefined>();
  const [page, setPage] = useState(1);
  const list = useCampaigns({ status, page, pageSize: 20 });
  const items = list.data?.items ?? [];
  const progress = (c: Campaign) => (c.status === 'drawn' ? t('inspection.progressValue', c.progress) : '—');
  const departments = (c: Campaign) => (
    <>
      {labels.departments(c.departments)}
      {c.joint && (
        <Tag color="geekblue" className="wj-inline-tag">
          {t('inspection.joint')}
        </Tag>
      )}
    </>
  );

  const columns: TableColumnsType<Campaign> = [
    { key: 'no', title: t('inspection.campaignNo'), dataIndex: 'campaignNo', width: 160 },
    {
      key: 'title',
      title: t('inspection.title'),
      render: (_, c) => <Link to={campaignPath(c.id)}>{c.title}</Link>,
    },
    {
      key: 'status',
      title: t('inspection.status'),
      render: (_, c) => <CampaignStatusTag status={c.status} />,
    },
    { key: 'departments', title: t('inspection.departments'), render: (_, c) => departments(c) },
    { key: 'period', title: t('inspection.period'), render: (_, c) => `${c.periodStart} ~ ${c.periodEnd}` },
    { key: 'progress', title: t('inspection.progress'), render: (_, c) => progress(c) },
  ];

  return (
    <div className="wj-page wj-page-wide">
      <Typography.Title level={1} className="wj-page-title">
        {t('inspection.campaignsTitle')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('inspection.campaignsIntro')}</Typography.Paragraph>
      <div className="wj-toolbar">
        <Select<string>
          allowClear
          aria-label={t('inspection.statusFilter')}
          placeholder={t('inspection.allStatuses')}
          value={status}
          onChange={(v) => {
            setStatus(v);
            setPage(1);
          }}
          options={STATUSES.map((s) => ({ value: s, label: labels.status(s) }))}
        />
        {hasPermission(user, 'inspection.campaign.manage') && (
          <Link to="/console/inspection/campaigns/new">
            <Button type="primary">{t('inspectionPlan.newTitle')}</Button>
          </Link>
        )}
      </div>
      <ProblemAlert error={list.error} />
      {isPhone ? (
        <div aria-busy={list.isFetching}>
          {items.length === 0 && !list.isPending && <Empty description={t('inspection.empty')} />}
          <ul className="wj-cards">
            {items.map((c) => (
              <li key={c.id}>
                <Card
                  size="small"
                  title={<Link to={campaignPath(c.id)}>{c.title}</Link>}
                  extra={<CampaignStatusTag status={c.status} />}
                >
                  <Descriptions
                    size="small"
                    column={1}
                    items={[
                      { key: 'no', label: t('inspection.campaignNo'), children: c.campaignNo },
                      { key: 'd', label: t('inspection.departments'), children: departments(c) },
                      {
                        key: 'p',
                        label: t('inspection.period'),
                        children: `${c.periodStart} ~ ${c.periodEnd}`,
                      },
                      { key: 'g', label: t('inspection.progress'), children: progress(c) },
                    ]}
                  />
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
        <Table<Campaign>
          rowKey="id"
          columns={columns}
          dataSource={items}
          loading={list.isFetching}
          locale={{ emptyText: t('inspection.empty') }}
          pagination={{
            current: page,
            pageSize: 20,
            total: list.data?.total ?? 0,
            onChange: setPage,
            showTotal: (n) => t('common.total', { count: n }),
          }}
        />
      )}
    </div>
  );
}
