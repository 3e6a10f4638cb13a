import { Card, Col, Row } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Dashboard, DashboardQuery } from '../../api/oversight';
import { FigureLink } from './FigureLink';
import { rate, recordsLink } from './links';

/** Complaints, warnings, cases and publications: each figure counted from the module's deadline records. */
export function TimelinessCards({ d, q }: { d: Dashboard; q: DashboardQuery }) {
  const { t } = useTranslation();
  const card = (title: string, children: React.ReactNode) => (
    <Col xs={24} md={12} xl={6}>
      <Card size="small" title={<h2 className="wj-card-title">{title}</h2>} className="wj-oversight-card">
        <div className="wj-figures">{children}</div>
      </Card>
    </Col>
  );
  const warn = (n: number) => (n > 0 ? 'warn' : undefined);
  return (
    <Row gutter={[16, 16]} className="wj-gap">
      {card(
        t('oversight.complaints'),
        <>
          <FigureLink
            value={d.complaints.started}
            label={t('oversight.received')}
            to={recordsLink(q, 'complaint', 'started')}
          />
          <FigureLink
            value={d.complaints.onTime}
            label={t('oversight.handledOnTime')}
            hint={rate(d.complaints.onTime, d.complaints.done)}
            to={recordsLink(q, 'complaint', 'on_time')}
          />
          <FigureLink
            value={d.complaints.substantiated}
            label={t('oversight.substantiated')}
            to={recordsLink(q, 'complaint', 'substantiated')}
          />
          <FigureLink
            value={d.complaints.overdue}
            label={t('oversight.overdue')}
            tone={warn(d.complaints.overdue)}
            to={recordsLink(q, 'complaint', 'overdue')}
          />
        </>,
      )}
      {card(
        t('oversight.warnings'),
        <>
          <FigureLink
            value={d.warnings.started}
            label={t('oversight.raised')}
            to={recordsLink(q, 'warning', 'started')}
          />
          <FigureLink
            value={d.warnings.open}
            label={t('oversight.open')}
            to={recordsLink(q, 'warning', 'open')}
          />
          <FigureLink
            value={d.warnings.onTime}
            label={t('oversight.handledOnTime')}
            hint={rate(d.warnings.onTime, d.warnings.done)}
            to={recordsLink(q, 'warning', 'on_time')}
          />
          <FigureLink
            value={d.warnings.overdue}
            label={t('oversight.overdue')}
            tone={warn(d.warnings.overdue)}
            to={recordsLink(q, 'warning', 'overdue')}
          />
        </>,
      )}
      {card(
        t('oversight.cases'),
        <>
          <FigureLink
            value={d.cases.started}
            label={t('oversight.casesOpened')}
            to={recordsLink(q, 'case', 'started')}
          />
          <FigureLink
            value={d.cases.done}
            label={t('oversight.decided')}
            to={recordsLink(q, 'case', 'done')}
          />
          <FigureLink
            value={d.cases.penalties}
            label={t('oversight.penalties')}
            hint={t('oversight.fines', { amount: d.cases.amount.toLocaleString() })}
            to={recordsLink(q, 'case', 'done', 'penalty')}
          />
          <FigureLink
            value={d.cases.overdue}
            label={t('oversight.overdue')}
            tone={warn(d.cases.overdue)}
            to={recordsLink(q, 'case', 'overdue')}
          />
        </>,
      )}
      {card(
        t('oversight.publications'),
        <>
          <FigureLink
            value={d.publications.started}
            label={t('oversight.due')}
            to={recordsLink(q, 'publication', 'started')}
          />
          <FigureLink
            value={d.publications.done}
            label={t('oversight.published')}
            to={recordsLink(q, 'publication', 'done')}
          />
          <FigureLink
            value={d.publications.onTime}
            label={t('oversight.publishedOnTime')}
            hint={rate(d.publications.onTime, d.publications.done)}
            to={recordsLink(q, 'publication', 'on_time')}
          />
          <FigureLink
            value={d.publications.overdue}
            label={t('oversight.overdue')}
            tone={warn(d.publications.overdue)}
            to={recordsLink(q, 'publication', 'overdue')}
          />
        </>,
      )}
    </Row>
  );
}
