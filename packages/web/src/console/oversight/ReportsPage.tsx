import { useQuery } from '@tanstack/react-query';
import { Button, Card, DatePicker, Form, InputNumber, Select, Space, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { type ReportKind, reportUrl } from '../../api/oversight';
import { fetchRegions, regionsKey } from '../../api/regions';
import { useConsoleUser } from '../consoleUser';

/** 监管报告: choose the report, its period and region; each format is a download link. */
export function ReportsPage() {
  const { t } = useTranslation();
  const user = useConsoleUser();
  const lastMonth = dayjs().subtract(1, 'month');
  const [kind, setKind] = useState<ReportKind>('monthly_supervision');
  const [year, setYear] = useState<number>(dayjs().year());
  const [range, setRange] = useState<[Dayjs, Dayjs]>([lastMonth.startOf('month'), lastMonth.endOf('month')]);
  const [regionCode, setRegionCode] = useState<string>(user.unit?.regionCode ?? '');
  const own = user.unit?.regionCode ?? '';
  const children = useQuery({
    queryKey: regionsKey(own),
    queryFn: ({ signal }) => fetchRegions(own, signal),
    enabled: own !== '',
  });
  // The monthly report and the pilot summary (seed 002) are for a chosen period; the others for a year.
  const monthly = kind === 'monthly_supervision' || kind === 'pilot_summary';
  const choose = (k: ReportKind) => {
    setKind(k);
    if (k === 'pilot_summary') setRange([dayjs().startOf('year'), dayjs()]);
    if (k === 'monthly_supervision') setRange([lastMonth.startOf('month'), lastMonth.endOf('month')]);
  };
  const query = {
    kind,
    regionCode,
    ...(monthly ? { from: range[0].format('YYYY-MM-DD'), to: range[1].format('YYYY-MM-DD') } : { year }),
  };
  return (
    <div className="wj-page">
      <Typography.Title level={1} className="wj-page-title">
        {t('oversight.reportsTitle')}
      </Typography.Title>
      <Link to="/console/oversight">
        <Button className="wj-gap">{t('oversight.backToDashboard')}</Button>
      </Link>
      <Card size="small">
        <Form layout="vertical" className="wj-report-form">
          <Form.Item label={t('oversight.reportKind')}>
            <Select<ReportKind>
              aria-label={t('oversight.reportKind')}
              value={kind}
              onChange={choose}
              options={[
                { value: 'monthly_supervision', label: t('oversight.reportKinds.monthly_supervision') },
                { value: 'reform_evaluation', label: t('oversight.reportKinds.reform_evaluation') },
                { value: 'inspection_year', label: t('oversight.reportKinds.inspection_year') },
                { value: 'pilot_summary', label: t('oversight.reportKinds.pilot_summary') },
              ]}
            />
          </Form.Item>
          {monthly ? (
            <Form.Item label={t('oversight.period')}>
              <DatePicker.RangePicker
                value={range}
                allowClear={false}
                onChange={(v) => {
                  if (v?.[0] && v[1]) setRange([v[0], v[1]]);
                }}
              />
            </Form.Item>
          ) : (
            <Form.Item label={t('oversight.year')}>
              <InputNumber min={2000} max={2100} value={year} onChange={(v) => v && setYear(v)} />
            </Form.Item>
          )}
          <Form.Item label={t('oversight.region')} extra={t('oversight.regionHelp')}>
            <Select
              aria-label={t('oversight.region')}
              value={regionCode}
              onChange={setRegionCode}
              options={[
                { value: own, label: user.unit?.regionName ?? own },
                ...(children.data ?? []).map((r) => ({ value: r.code, label: `${r.name}（${r.code}）` })),
              ]}
              showSearch={{ optionFilterProp: 'label' }}
            />
          </Form.Item>
          <Space wrap>
            {(['docx', 'xlsx', 'pdf'] as const).map((format) => (
              <a key={format} href={reportUrl({ ...query, format })} download>
                <Button type={format === 'docx' ? 'primary' : 'default'}>
                  {t(`oversight.download.${format}`)}
                </Button>
              </a>
            ))}
          </Space>
          <p className="wj-muted wj-gap">{t('oversight.reportHelp')}</p>
        </Form>
      </Card>
    </div>
  );
}
