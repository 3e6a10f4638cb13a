import { Button, Col, DatePicker, Row, Space, Spin, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { type DashboardQuery, useDashboard } from '../../api/oversight';
import { ProblemAlert } from '../../ui/ProblemAlert';
import { useConsoleUser } from '../consoleUser';
import { ApprovalChart, CoverageChart, KindChart, LevelChart } from './Charts';
import { Headline } from './Headline';
import { establishmentsLink } from './links';
import { RegionMap } from './RegionMap';
import { TimelinessCards } from './TimelinessCards';

/** The division one level up (370112001 → 370112 → 370100), or null at the user's own region. */
function parentOf(code: string, own: string): string | null {
  if (code === own) return null;
  if (code.length > 6) return code.slice(0, code.length === 12 ? 9 : 6);
  if (!code.endsWith('00')) return `${code.slice(0, 4)}00`;
  if (!code.endsWith('0000')) return `${code.slice(0, 2)}0000`;
  return null;
}

/** 监管驾驶舱: the panels of the user's region (or a division of it) for a period; every figure opens its list. */
export function DashboardPage() {
  const { t } = useTranslation();
  const user = useConsoleUser();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const q: DashboardQuery = {
    regionCode: params.get('regionCode') ?? undefined,
    from: params.get('from') ?? undefined,
    to: params.get('to') ?? undefined,
  };
  const dashboard = useDashboard(q);
  const d = dashboard.data;
  const set = (next: DashboardQuery) => {
    const p = new URLSearchParams();
    for (const [k, v] of Object.entries({ ...q, ...next })) if (v) p.set(k, v);
    setParams(p);
  };
  const own = user.unit?.regionCode ?? '';
  const up = d ? parentOf(d.region.code, own) : null;
  const year = dayjs().format('YYYY');
  const lastMonth = dayjs().subtract(1, 'month');

  return (
    <div className="wj-page">
      <Typography.Title level={1} className="wj-page-title">
        {t('oversight.title')}
      </Typography.Title>
      {d && (
        <p className="wj-muted" data-testid="oversight-scope">
          {t('oversight.scopeLine', {
            region: d.region.name,
            department: d.departmentCode
              ? t('oversight.department', { code: user.unit?.departmentName ?? d.departmentCode })
              : t('oversight.allDepartments'),
            from: d.from,
            to: d.to,
          })}
          {d.timelinessCountedAt && (
            <span data-testid="oversight-timeliness-counted">
              {' · '}
              {t('oversight.timelinessCountedAt', {
                time: dayjs(d.timelinessCountedAt).format('MM-DD HH:mm'),
              })}
            </span>
          )}
          {d.coverage.populationCountedAt && (
            <span>
              {' · '}
              {t('oversight.populationCountedAt', {
                time: dayjs(d.coverage.populationCountedAt).format('MM-DD HH:mm'),
              })}
            </span>
          )}
        </p>
      )}
      <div className="wj-oversight-filters">
        <DatePicker.RangePicker
          aria-label={t('oversight.period')}
          value={d ? [dayjs(d.from), dayjs(d.to)] : null}
          allowClear={false}
          onChange={(v) => {
            if (v?.[0] && v[1]) set({ from: v[0].format('YYYY-MM-DD'), to: v[1].format('YYYY-MM-DD') });
          }}
        />
        <Space wrap>
          <Link to="/console/oversight/reports">
            <Button>{t('oversight.reports')}</Button>
          </Link>
          <Link to="/console/oversight/grids">
            <Button>{t('oversight.grids')}</Button>
          </Link>
          <Button onClick={() => set({ from: `${year}-01-01`, to: undefined })}>
            {t('oversight.thisYear')}
          </Button>
          <Button
            onClick={() =>
              set({
                from: lastMonth.startOf('month').format('YYYY-MM-DD'),
                to: lastMonth.endOf('month').format('YYYY-MM-DD'),
              })
            }
          >
            {t('oversight.lastMonth')}
          </Button>
        </Space>
      </div>
      {dashboard.error && <ProblemAlert error={dashboard.error} />}
      {!d && dashboard.isLoading && <Spin />}
      {d && (
        <>
          <Headline d={d} q={q} />
          <TimelinessCards d={d} q={q} />
          <Row gutter={[16, 16]} className="wj-gap">
            <Col xs={24} xl={12}>
              <RegionMap
                d={d}
                onOpen={(code) => set({ regionCode: code })}
                onUp={up ? () => set({ regionCode: up === own ? undefined : up }) : undefined}
              />
            </Col>
            <Col xs={24} xl={12}>
              <CoverageChart d={d} />
            </Col>
            <Col xs={24} lg={12}>
              <KindChart d={d} q={q} />
            </Col>
            <Col xs={24} lg={12}>
              <ApprovalChart d={d} q={q} />
            </Col>
            <Col xs={24} md={12}>
              <LevelChart
                title={t('oversight.creditLevels')}
                rows={d.credit.byCreditLevel}
                onPick={(creditLevel) => navigate(establishmentsLink(q, { creditLevel }))}
              />
            </Col>
            <Col xs={24} md={12}>
              <LevelChart
                title={t('oversight.riskLevels')}
                rows={d.credit.byRiskLevel}
                onPick={(riskLevel) => navigate(establishmentsLink(q, { riskLevel }))}
              />
            </Col>
          </Row>
        </>
      )}
    </div>
  );
}
