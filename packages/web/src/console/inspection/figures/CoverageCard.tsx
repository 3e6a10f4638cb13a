import { Card, Tag, Typography } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { type Coverage, type InspectionFigures, useCountyNames } from '../../../api/inspectionFigures';
import { EChart } from '../../oversight/EChart';
import { percent, useInspectionLabels } from '../labels';
import { type FigureColumn, FigureTable } from './FigureTable';

/** Coverage of the year (establishments inspected ÷ operating establishments) against the target. */
export function CoverageCard({ f }: { f: InspectionFigures }) {
  const { t } = useTranslation();
  const labels = useInspectionLabels();
  const county = useCountyNames(f.byRegion.map((r) => r.regionCode));
  const columns = <T extends Coverage>(first: FigureColumn<T>): FigureColumn<T>[] => [
    first,
    {
      key: 'population',
      title: t('inspectionFigures.population'),
      render: (r) => r.population,
      align: 'right',
    },
    { key: 'planned', title: t('inspectionFigures.planned'), render: (r) => r.planned, align: 'right' },
    { key: 'covered', title: t('inspectionFigures.covered'), render: (r) => r.covered, align: 'right' },
    {
      key: 'share',
      title: t('inspectionFigures.share'),
      align: 'right',
      render: (r) => (
        <Tag color={r.meetsTarget ? 'green' : 'orange'} className="wj-inline-tag">
          {percent(r.share)}
        </Tag>
      ),
    },
  ];
  const regions = f.byRegion.map((r) => ({ ...r, name: county(r.regionCode) }));
  const top = Math.min(
    100,
    Math.ceil((Math.max(f.target, ...regions.map((r) => r.share)) * 100 * 1.15) / 10) * 10,
  );
  const option = useMemo(
    () => ({
      animation: false,
      grid: { left: 8, right: 16, top: 24, bottom: 8, containLabel: true },
      tooltip: { trigger: 'axis', valueFormatter: (v: number) => `${v}%` },
      xAxis: { type: 'category', data: regions.map((r) => r.name), axisLabel: { interval: 0, rotate: 30 } },
      // The target line stays in view even when every county is far below it.
      yAxis: { type: 'value', max: top, axisLabel: { formatter: '{value}%' } },
      series: [
        {
          type: 'bar',
          barMaxWidth: 48,
          name: t('inspectionFigures.share'),
          data: regions.map((r) => ({
            value: Math.round(r.share * 10_000) / 100,
            itemStyle: { color: r.meetsTarget ? '#52c41a' : '#fa8c16' },
          })),
          markLine: {
            symbol: 'none',
            label: {
              position: 'insideEndTop',
              formatter: t('inspectionFigures.targetLine', { target: percent(f.target) }),
            },
            data: [{ yAxis: Math.round(f.target * 10_000) / 100 }],
          },
        },
      ],
    }),
    [regions, f.target, t, top],
  );
  return (
    <Card title={t('inspectionFigures.coverageTitle')} className="wj-gap">
      <Typography.Paragraph>
        {t('inspectionFigures.coverageTotal', {
          covered: f.total.covered,
          population: f.total.population,
          share: percent(f.total.share),
          target: percent(f.target),
        })}{' '}
        <Tag color={f.total.meetsTarget ? 'green' : 'orange'}>
          {f.total.meetsTarget ? t('inspectionFigures.meets') : t('inspectionFigures.below')}
        </Tag>
      </Typography.Paragraph>
      {regions.length > 0 && (
        <EChart option={option} height={240} label={t('inspectionFigures.chartLabel')} />
      )}
      <Typography.Title level={3} className="wj-figure-heading">
        {t('inspectionFigures.byRegion')}
      </Typography.Title>
      <FigureTable
        rows={regions}
        rowKey={(r) => r.regionCode}
        heading={(r) => r.name}
        columns={columns<(typeof regions)[number]>({
          key: 'region',
          title: t('inspectionFigures.region'),
          render: (r) => r.name,
        })}
      />
      <Typography.Title level={3} className="wj-figure-heading">
        {t('inspectionFigures.byKind')}
      </Typography.Title>
      <FigureTable
        rows={f.byKind}
        rowKey={(r) => r.kind}
        heading={(r) => labels.kind(r.kind)}
        columns={columns<InspectionFigures['byKind'][number]>({
          key: 'kind',
          title: t('inspectionFigures.kind'),
          render: (r) => labels.kind(r.kind),
        })}
      />
    </Card>
  );
}
