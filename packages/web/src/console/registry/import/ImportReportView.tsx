import { Alert, Button, Card, Empty, List, Statistic, Table, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { pickMessage } from '../../../api/problem';
import { useIsPhone } from '../../../ui/useIsPhone';
import { ACCEPTABLE_USCC_ERRORS } from '../establishments/UsccField';
import type { ImportError, ImportReport } from './importApi';

/** The credit code an error names (the server puts it in brackets at the end of the message). */
export function usccOf(e: ImportError): string | null {
  if (!ACCEPTABLE_USCC_ERRORS.includes(e.code)) return null;
  return /[(（]([0-9A-Z]{18})[)）]/.exec(e.messageEn)?.[1] ?? null;
}

interface Props {
  report: ImportReport;
  /** Offered on credit codes that fail only their check character (needs the permission). */
  onAccept?: (uscc: string) => void;
}

/** The dry-run (or commit) report: counts, then every problem with its row and column. */
export function ImportReportView({ report, onAccept }: Props) {
  const { t, i18n } = useTranslation();
  const isPhone = useIsPhone();
  const message = (e: ImportError) =>
    pickMessage({ messageZh: e.message, messageEn: e.messageEn }, i18n.language);
  const where = (e: ImportError) =>
    e.row === 0 ? t('registryImport.wholeFile') : t('registryImport.rowN', { row: e.row });
  const accept = (e: ImportError) => {
    const uscc = onAccept && usccOf(e);
    return uscc ? (
      <Button size="small" onClick={() => onAccept(uscc)}>
        {t('registryImport.acceptCode')}
      </Button>
    ) : null;
  };
  const columns: TableColumnsType<ImportError> = [
    { key: 'row', title: t('registryImport.row'), render: (_, e) => (e.row === 0 ? '—' : e.row), width: 70 },
    { key: 'column', title: t('registryImport.column'), render: (_, e) => e.column || '—', width: 140 },
    {
      key: 'code',
      title: t('registryImport.code'),
      render: (_, e) => <code className="wj-code">{e.code}</code>,
    },
    { key: 'message', title: t('registryImport.message'), render: (_, e) => message(e) },
    ...(onAccept ? [{ key: 'accept', title: '', render: (_: unknown, e: ImportError) => accept(e) }] : []),
  ];
  const table = (items: ImportError[]) =>
    isPhone ? (
      <List
        dataSource={items}
        pagination={items.length > 20 ? { pageSize: 20, size: 'small', align: 'center' } : false}
        renderItem={(e) => (
          <List.Item extra={accept(e)}>
            <List.Item.Meta
              title={`${where(e)}${e.column ? ` · ${e.column}` : ''}`}
              description={
                <>
                  {message(e)} <code className="wj-code">{e.code}</code>
                </>
              }
            />
          </List.Item>
        )}
      />
    ) : (
      <Table<ImportError>
        rowKey={(e) => `${e.row}:${e.column}:${e.code}`}
        size="small"
        columns={columns}
        dataSource={items}
        scroll={{ x: 'max-content' }}
        pagination={items.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
      />
    );

  return (
    <Card
      title={<h2 className="wj-card-title">{t('registryImport.reportTitle')}</h2>}
      className="wj-gap wj-import-report"
    >
      <div className="wj-report-stats">
        <Statistic title={t('registryImport.rows')} value={report.rows} />
        <Statistic title={t('registryImport.valid')} value={report.valid} />
        <Statistic title={t('registryImport.errorCount')} value={report.errorCount} />
        {report.committed && (
          <>
            <Statistic title={t('registryImport.inserted')} value={report.inserted} />
            <Statistic title={t('registryImport.updated')} value={report.updated} />
            <Statistic title={t('registryImport.unchanged')} value={report.unchanged} />
          </>
        )}
      </div>
      {report.committed ? (
        <Alert
          type="success"
          showIcon
          className="wj-gap"
          title={t('registryImport.committed', { batch: report.batchId ?? '—' })}
        />
      ) : report.errorCount === 0 ? (
        <Alert type="success" showIcon className="wj-gap" title={t('registryImport.clean')} />
      ) : (
        <Alert
          type="error"
          showIcon
          className="wj-gap"
          title={t('registryImport.hasErrors', { count: report.errorCount })}
          description={
            report.errorCount > report.errors.length
              ? t('registryImport.errorsTruncated', { shown: report.errors.length })
              : undefined
          }
        />
      )}
      {report.errors.length > 0 && (
        <>
          <h3>{t('registryImport.errorsTitle')}</h3>
          {table(report.errors)}
        </>
      )}
      {report.warnings.length > 0 && (
        <>
          <h3>{t('registryImport.warningsTitle')}</h3>
          {table(report.warnings)}
        </>
      )}
      {report.rows === 0 && report.errors.length === 0 && <Empty description={t('registryImport.noRows')} />}
    </Card>
  );
}
