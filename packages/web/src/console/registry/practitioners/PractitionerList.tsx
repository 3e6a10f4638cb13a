import { Card, Descriptions, Empty, Pagination, Table, type TableColumnsType, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useCodeLists } from '../../../api/registry';
import { useIsPhone } from '../../../ui/useIsPhone';
import { useRegistryLabels } from '../labels';
import type { PractitionerSummary } from './practitionerApi';

interface Props {
  items: PractitionerSummary[];
  total: number;
  totalExact: boolean;
  loading: boolean;
  page: number;
  pageSize: number;
  onPage: (page: number, pageSize: number) => void;
}

export const practitionerPath = (id: number) => `/console/registry/practitioners/${id}`;

/** 执业类别 / 执业范围 by their names. */
export function usePracticeText() {
  const lists = useCodeLists().data;
  return (p: Pick<PractitionerSummary, 'practiceCategory' | 'practiceScopes'>) => {
    const category = p.practiceCategory
      ? (lists?.practiceCategories.find((c) => c.code === p.practiceCategory)?.nameZh ?? p.practiceCategory)
      : null;
    const scopes = p.practiceScopes.map((s) => lists?.practiceScopes.find((x) => x.code === s)?.nameZh ?? s);
    return [category, scopes.join('、')].filter(Boolean).join(' · ') || '—';
  };
}

/** A table on wider screens, cards on phones; ID numbers always masked here. */
export function PractitionerList({ items, total, totalExact, loading, page, pageSize, onPage }: Props) {
  const { t } = useTranslation();
  const isPhone = useIsPhone();
  const labels = useRegistryLabels();
  const practice = usePracticeText();
  const showTotal = (n: number) => (totalExact ? t('common.total', { count: n }) : t('registry.totalCapped'));
  const status = (p: PractitionerSummary) =>
    p.status === 'active' ? (
      <Tag color="green">{t('practitioners.active')}</Tag>
    ) : (
      <Tag>{t('practitioners.inactive')}</Tag>
    );
  const site = (p: PractitionerSummary) => (
    <Link to={`/console/registry/establishments/${p.primaryEstablishment.id}`}>
      {p.primaryEstablishment.name}
    </Link>
  );

  if (isPhone) {
    return (
      <div aria-busy={loading}>
        {items.length === 0 && !loading && <Empty description={t('practitioners.empty')} />}
        <ul className="wj-cards">
          {items.map((p) => (
            <li key={p.id}>
              <Card size="small" title={<Link to={practitionerPath(p.id)}>{p.name}</Link>} extra={status(p)}>
                <Descriptions
                  size="small"
                  column={1}
                  items={[
                    { key: 'id', label: t('practitioners.idNumber'), children: p.idNumberMasked },
                    {
                      key: 'profession',
                      label: t('practitioners.profession'),
                      children: [labels.profession(p.profession), p.titleName].filter(Boolean).join(' · '),
                    },
                    { key: 'practice', label: t('practitioners.practice'), children: practice(p) },
                    { key: 'site', label: t('practitioners.primary'), children: site(p) },
                  ]}
                />
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
          showTotal={showTotal}
          align="center"
        />
      </div>
    );
  }

  const columns: TableColumnsType<PractitionerSummary> = [
    {
      key: 'name',
      title: t('practitioners.name'),
      render: (_, p) => <Link to={practitionerPath(p.id)}>{p.name}</Link>,
    },
    {
      key: 'id',
      title: t('practitioners.idNumber'),
      render: (_, p) => <span className="wj-mono">{p.idNumberMasked}</span>,
    },
    {
      key: 'profession',
      title: t('practitioners.profession'),
      render: (_, p) => (
        <span className="wj-stack">
          <span>{labels.profession(p.profession)}</span>
          {p.titleName && <span className="wj-muted wj-small">{p.titleName}</span>}
        </span>
      ),
    },
    { key: 'practice', title: t('practitioners.practice'), render: (_, p) => practice(p) },
    { key: 'cert', title: t('practitioners.practisingCertNo'), render: (_, p) => p.practisingCertNo ?? '—' },
    { key: 'site', title: t('practitioners.primary'), render: (_, p) => site(p) },
    { key: 'status', title: t('registry.status'), render: (_, p) => status(p), width: 80 },
  ];
  return (
    <Table<PractitionerSummary>
      rowKey="id"
      size="middle"
      columns={columns}
      dataSource={items}
      loading={loading}
      scroll={{ x: 'max-content' }}
      locale={{ emptyText: <Empty description={t('practitioners.empty')} /> }}
      pagination={{
        current: page,
        pageSize,
        total,
        showSizeChanger: true,
        pageSizeOptions: [20, 50, 100],
        showTotal,
        onChange: onPage,
      }}
    />
  );
}
