import { Card, Empty } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { Counted, Dashboard, DashboardQuery } from '../../api/oversight';
import { EChart } from './EChart';
import { establishmentsLink, recordsLink } from './links';

const LEVEL_COLOURS: Record<string, string> = {
  A: '#2e7d32',
  B: '#1677ff',
  C: '#fa8c16',
  D: '#cf1322',
  low: '#2e7d32',
  medium: '#fadb14',
  high: '#fa8c16',
  severe: '#cf1322',
  none: '#bfbfbf',
};

function ChartCard({ title, empty, children }: { title: string; empty: boolean; children: React.ReactNode }) {
  const { t } = useTranslation();
  return (
    <Card size="small" title={<h2 className="wj-card-title">{title}</h2>} className="wj-oversight-card">
      {empty ? <Empty description={t('oversight.noData')} /> : children}
    </Card>
  );
}

export function KindChart({ d, q }: { d: Dashboard; q: DashboardQuery }) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const en = i18n.language.startsWith('en');
  const rows = d.establishments.byKind;
  return (
    <ChartCard
      title={`${t('oversight.establishmentsByKind')} · ${d.establishments.total}`}
      empty={rows.length === 0}
    >
      <EChart
        label={t('oversight.establishmentsByKind')}
        option={{
          tooltip: { trigger: 'axis' },
          grid: { left: 8, right: 24, top: 8, bottom: 8, containLabel: true },
          xAxis: { type: 'value', minInterval: 1 },
          yAxis: { type: 'category', inverse: true, data: rows.map((r) => (en ? r.nameEn : r.nameZh)) },
          series: [
            {
              type: 'bar',
              data: rows.map((r) => r.n),
              itemStyle: { color: '#1677ff' },
              label: { show: true, position: 'right' },
            },
          ],
        }}
        onClick={(e) => navigate(establishmentsLink(q, { kind: rows[e.dataIndex]?.key }))}
      />
    </ChartCard>
  );
}

export function LevelChart({
  title,
  rows,
  onPick,
}: {
  title: string;
  rows: Counted[];
  onPick: (key: string) => void;
}) {
  const { i18n } = useTranslation();
  const en = i18n.language.startsWith('en');
  const shown = rows.filter((r) => r.n > 0);
  return (
    <ChartCard title={title} empty={shown.length === 0}>
      <EChart
        label={title}
        height={240}
        option={{
          tooltip: { trigger: 'item', formatter: '{b}: {c} ({d}%)' },
          legend: { bottom: 0, type: 'scroll' },
          series: [
            {
              type: 'pie',
              radius: ['35%', '62%'],
              center: ['50%', '44%'],
              label: { formatter: '{c}' },
              data: shown.map((r) => ({
                name: en ? r.nameEn : r.nameZh,
                value: r.n,
                itemStyle: { color: LEVEL_COLOURS[r.key] },
              })),
            },
          ],
        }}
        onClick={(e) => {
          const key = shown[e.dataIndex]?.key;
          if (key) onPick(key);
        }}
      />
    </ChartCard>
  );
}

export function CoverageChart({ d }: { d: Dashboard }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const rows = d.coverage.byRegion;
  const pct = (x: number) => Math.round(x * 1000) / 10;
  return (
    <ChartCard
      title={`${t('oversight.coverage')} · ${t('oversight.coverageTarget', { target: `${pct(d.coverage.target)}%` })}`}
      empty={rows.length === 0}
    >
      <EChart
        label={t('oversight.coverage')}
        option={{
          tooltip: { trigger: 'axis' },
          grid: { left: 8, right: 16, top: 16, bottom: 8, containLabel: true },
          xAxis: {
            type: 'category',
            data: rows.map((r) => r.name),
            axisLabel: { interval: 0, rotate: rows.length > 5 ? 30 : 0 },
          },
          yAxis: { type: 'value', max: 100, axisLabel: { formatter: '{value}%' } },
          series: [
            {
              type: 'bar',
              name: t('oversight.covered'),
              data: rows.map((r) => ({
                value: pct(r.share),
                itemStyle: { color: r.share >= d.coverage.target ? '#2e7d32' : '#fa8c16' },
              })),
              label: { show: true, position: 'top', formatter: '{c}%' },
              markLine: {
                symbol: 'none',
                lineStyle: { color: '#cf1322', type: 'dashed' },
                label: {
                  position: 'insideEndTop',
                  formatter: t('oversight.coverageTarget', { target: `${pct(d.coverage.target)}%` }),
                },
                data: [{ yAxis: pct(d.coverage.target) }],
              },
            },
          ],
        }}
        onClick={(e) => {
          const code = rows[e.dataIndex]?.regionCode;
          if (code) navigate(`/console/inspection/tasks?region=${code}`);
        }}
      />
    </ChartCard>
  );
}

export function ApprovalChart({ d, q }: { d: Dashboard; q: DashboardQuery }) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const en = i18n.language.startsWith('en');
  const rows = d.approvals.byPermit;
  const measures = ['on_time', 'late', 'overdue'] as const;
  return (
    <ChartCard title={t('oversight.approvals')} empty={rows.length === 0}>
      <EChart
        label={t('oversight.approvals')}
        option={{
          tooltip: { trigger: 'axis' },
          legend: { bottom: 0 },
          grid: { left: 8, right: 16, top: 8, bottom: 32, containLabel: true },
          xAxis: { type: 'value', minInterval: 1 },
          yAxis: { type: 'category', inverse: true, data: rows.map((r) => (en ? r.nameEn : r.nameZh)) },
          series: [
            {
              type: 'bar',
              stack: 'a',
              name: t('oversight.onTime'),
              data: rows.map((r) => r.onTime),
              itemStyle: { color: '#2e7d32' },
            },
            {
              type: 'bar',
              stack: 'a',
              name: t('oversight.late'),
              data: rows.map((r) => r.late),
              itemStyle: { color: '#fa8c16' },
            },
            {
              type: 'bar',
              stack: 'a',
              name: t('oversight.overdue'),
              data: rows.map((r) => r.overdue),
              itemStyle: { color: '#cf1322' },
            },
          ],
        }}
        onClick={(e) => {
          const row = rows[e.dataIndex];
          const measure = measures[e.seriesIndex];
          if (row && measure) navigate(recordsLink(q, 'licensing_decision', measure, row.permitCode));
        }}
      />
    </ChartCard>
  );
}
