import { Alert, Card, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { type Campaign, type Forecast, useForecast } from '../../../api/inspection';
import { PageLoading } from '../../../ui/PageLoading';
import { ProblemAlert } from '../../../ui/ProblemAlert';
import { percent, ratioPercent, useInspectionLabels } from '../labels';

type Row = Forecast['strata'][number];

/** Before the draw: each stratum's N and n (hence the chance), the expected total, the year's coverage. */
export function ForecastCard({ c }: { c: Campaign }) {
  const { t } = useTranslation();
  const labels = useInspectionLabels();
  const forecast = useForecast(c.id, true);
  const f = forecast.data;
  return (
    <Card title={<h2 className="wj-card-title">{t('inspection.forecastTitle')}</h2>} className="wj-gap">
      <ProblemAlert error={forecast.error} />
      {forecast.isPending && <PageLoading />}
      {f && (
        <>
          {f.frozen && <p>{t('inspection.forecastFrozen')}</p>}
          <p>
            <strong>{t('inspection.expected', { count: f.expectedInspections })}</strong>{' '}
            <Tag color={f.yearCoverage.meetsTarget ? 'green' : 'orange'}>
              {f.yearCoverage.meetsTarget ? t('inspection.meetsTarget') : t('inspection.belowTarget')}
            </Tag>
          </p>
          <p>
            {t('inspection.coverage', {
              population: f.yearCoverage.population,
              covered: f.coveredSoFar,
              expectedNew: f.yearCoverage.expectedNew,
              share: percent(f.yearCoverage.share),
              target: percent(f.yearCoverage.target),
            })}
          </p>
          {f.staffingProblems.length > 0 && (
            <Alert
              type="warning"
              showIcon
              className="wj-gap"
              message={t('inspection.staffingProblems')}
              description={
                <ul className="wj-inspection-list">
                  {f.staffingProblems.map((p) => (
                    <li key={`${p.stratum}:${p.region}`}>
                      {t('inspection.staffingProblem', {
                        stratum: p.stratum,
                        region: p.region,
                        eligible: p.eligible,
                        missing: labels.departments(p.missingDepartments) || '—',
                      })}
                    </li>
                  ))}
                </ul>
              }
            />
          )}
          <StrataTable strata={f.strata} />
        </>
      )}
    </Card>
  );
}

/** Strata with N_h, n_h = ceil(r_h × N_h) and each establishment's chance n_h / N_h. */
export function StrataTable({
  strata,
}: {
  strata: Omit<Row, 'kind' | 'sector' | 'riskLevel' | 'creditLevel'>[];
}) {
  const { t } = useTranslation();
  return (
    <Table
      size="small"
      rowKey="id"
      pagination={false}
      scroll={{ x: 'max-content' }}
      dataSource={strata}
      columns={[
        {
          key: 'id',
          title: t('inspection.stratum'),
          render: (_, h) => <span className="wj-mono">{h.id}</span>,
        },
        { key: 'ratio', title: t('inspection.ratio'), render: (_, h) => ratioPercent(h.ratio) },
        { key: 'N', title: t('inspection.population'), dataIndex: 'population', align: 'right' },
        { key: 'n', title: t('inspection.sample'), dataIndex: 'sample', align: 'right' },
        {
          key: 'p',
          title: t('inspection.chance'),
          align: 'right',
          render: (_, h) => (h.population ? percent(h.sample / h.population) : '—'),
        },
      ]}
    />
  );
}
