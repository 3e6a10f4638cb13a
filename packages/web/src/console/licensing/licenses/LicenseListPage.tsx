import { Card, Empty, Input, Table, type TableColumnsType, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { type LicenseSummary, useLicenses } from '../../../api/licensing';
import { ProblemAlert } from '../../../ui/ProblemAlert';
import { useIsPhone } from '../../../ui/useIsPhone';
import { type LicensingPaths, STATE_COLORS, useLicensingLabels } from '../labels';

/** Licences in scope (an institution: its own), searchable by holder or number; cards on phones. */
export function LicenseList({ paths, establishmentId }: { paths: LicensingPaths; establishmentId?: number }) {
  const { t } = useTranslation();
  const labels = useLicensingLabels();
  const isPhone = useIsPhone();
  const [q, setQ] = useState('');
  const [page, setPage] = useState(1);
  const list = useLicenses({ q, page, pageSize: 20, ...(establishmentId ? { establishmentId } : {}) });
  const items = list.data?.items ?? [];
  const status = (l: LicenseSummary) => (
    <Tag color={STATE_COLORS[l.effectiveStatus] ?? 'default'}>{labels.licenseStatus(l.effectiveStatus)}</Tag>
  );
  const columns: TableColumnsType<LicenseSummary> = [
    {
      key: 'number',
      title: t('licensing.licenseNumber'),
      render: (_, l) => (
        <Link to={paths.license(l.id)} className="wj-mono">
          {l.number}
        </Link>
      ),
    },
    { key: 'name', title: t('licensing.licenses'), dataIndex: 'licenseNameZh' },
    { key: 'holder', title: t('licensing.holder'), render: (_, l) => l.establishment.name },
    { key: 'issuer', title: t('licensing.issuer'), render: (_, l) => l.issuer.name },
    { key: 'validTo', title: t('licensing.validTo'), render: (_, l) => l.validTo ?? t('licensing.longTerm') },
    { key: 'status', title: t('licensing.state'), render: (_, l) => status(l) },
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
          {items.length === 0 && !list.isPending && <Empty description={t('licensing.licensesEmpty')} />}
          {items.map((l) => (
            <li key={l.id}>
              <Card
                size="small"
                title={<Link to={paths.license(l.id)}>{l.licenseNameZh}</Link>}
                extra={status(l)}
              >
                <span className="wj-stack">
                  <span className="wj-mono">{l.number}</span>
                  <span>{l.establishment.name}</span>
                  <span className="wj-muted wj-small">
                    {t('licensing.validTo')} {l.validTo ?? t('licensing.longTerm')}
                  </span>
                </span>
              </Card>
            </li>
          ))}
        </ul>
      ) : (
        <Table<LicenseSummary>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={items}
          loading={list.isPending}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: <Empty description={t('licensing.licensesEmpty')} /> }}
          pagination={{ current: page, pageSize: 20, total: list.data?.total ?? 0, onChange: setPage }}
        />
      )}
    </>
  );
}

export function LicenseListPage({ paths }: { paths: LicensingPaths }) {
  const { t } = useTranslation();
  return (
    <div className="wj-page wj-page-wide">
      <Typography.Title level={1} className="wj-page-title">
        {t('licensing.licensesTitle')}
      </Typography.Title>
      <LicenseList paths={paths} />
    </div>
  );
}
