import { Alert, Button, Card, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { type AuditFilter, auditExportUrl, MAX_EXPORT_ROWS, useAuditEvents } from '../../api/audit';
import { ProblemAlert } from '../../ui/ProblemAlert';
import { useIsPhone } from '../../ui/useIsPhone';
import { AuditFilters } from './AuditFilters';
import { AuditList } from './AuditList';
import { VerifyChainButton } from './VerifyChainButton';
import '../users/lists.css';
import './audit.css';

const FILTER_KEYS = ['from', 'to', 'actor', 'action', 'entityType', 'entityId'] as const;

/** 审计日志: the trail in the auditor's scope; filters live in the address, so a view can be shared. */
export default function AuditPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const isPhone = useIsPhone();
  const filter: AuditFilter = {};
  for (const k of FILTER_KEYS) {
    const v = params.get(k);
    if (v) filter[k] = v;
  }
  const page = Number(params.get('page')) || 1;
  const pageSize = Number(params.get('pageSize')) || 50;
  const events = useAuditEvents(filter, page, pageSize);
  const total = events.data?.total ?? 0;
  const tooLarge = total > MAX_EXPORT_ROWS;

  const filters = <AuditFilters key={JSON.stringify(filter)} value={filter} onChange={(f) => go(f)} />;
  const go = (next: AuditFilter, nextPage = 1, nextSize = pageSize) => {
    const p = new URLSearchParams();
    for (const k of FILTER_KEYS) if (next[k]) p.set(k, next[k]);
    if (nextPage > 1) p.set('page', String(nextPage));
    if (nextSize !== 50) p.set('pageSize', String(nextSize));
    setParams(p);
  };

  return (
    <div className="wj-page wj-page-wide">
      <Typography.Title level={1} className="wj-page-title">
        {t('audit.title')}
      </Typography.Title>
      <Card className="wj-gap">
        <Typography.Paragraph className="wj-muted">{t('audit.intro')}</Typography.Paragraph>
        {isPhone ? (
          <details className="wj-filter-details" open={Object.keys(filter).length > 0}>
            <summary>{t('audit.filters')}</summary>
            {filters}
          </details>
        ) : (
          filters
        )}
        <div className="wj-toolbar">
          <Space wrap>
            <Button href={auditExportUrl(filter, 'csv')} download disabled={tooLarge}>
              {t('audit.exportCsv')}
            </Button>
            <Button href={auditExportUrl(filter, 'xlsx')} download disabled={tooLarge}>
              {t('audit.exportXlsx')}
            </Button>
            <VerifyChainButton />
          </Space>
        </div>
        {tooLarge && (
          <Alert
            type="warning"
            showIcon
            className="wj-gap"
            title={t('audit.exportTooLarge', { max: MAX_EXPORT_ROWS })}
          />
        )}
        <Typography.Paragraph className="wj-muted wj-small">{t('audit.exportHelp')}</Typography.Paragraph>
        {events.isError && <ProblemAlert error={events.error} />}
        <AuditList
          items={events.data?.items ?? []}
          total={total}
          loading={events.isFetching}
          page={page}
          pageSize={pageSize}
          onPage={(p, size) => go(filter, size === pageSize ? p : 1, size)}
        />
      </Card>
    </div>
  );
}
