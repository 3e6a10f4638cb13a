import { Card } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { Dashboard, DashboardQuery } from '../../api/oversight';
import { FigureLink } from './FigureLink';
import { establishmentsLink, rate, recordsLink } from './links';

/** The headline figures: establishments, coverage against the target, approvals and post-approval checks on time. */
export function Headline({ d, q }: { d: Dashboard; q: DashboardQuery }) {
  const { t } = useTranslation();
  const c = d.coverage;
  return (
    <Card size="small" className="wj-gap">
      <div className="wj-headline">
        <FigureLink
          value={d.establishments.total}
          label={t('oversight.establishments')}
          hint={
            d.establishments.countedAt
              ? t('oversight.countedAt', { time: dayjs(d.establishments.countedAt).format('MM-DD HH:mm') })
              : undefined
          }
          to={establishmentsLink(q, {})}
        />
        <FigureLink
          value={rate(c.covered, c.population)}
          label={t('oversight.coverageTile', { year: c.year })}
          hint={`${c.covered} / ${c.population} · ${t('oversight.coverageTarget', { target: rate(c.target, 1) })}`}
          tone={c.share >= c.target ? 'good' : 'warn'}
          to={`/console/inspection/tasks${q.regionCode ? `?region=${q.regionCode}` : ''}`}
        />
        <FigureLink
          value={rate(d.approvals.total.onTime, d.approvals.total.done)}
          label={t('oversight.approvalsTile')}
          hint={`${d.approvals.total.onTime} / ${d.approvals.total.done}`}
          to={recordsLink(q, 'licensing_decision', 'done')}
        />
        <FigureLink
          value={d.approvals.total.overdue}
          label={`${t('oversight.sources.licensing_decision')} · ${t('oversight.overdue')}`}
          tone={d.approvals.total.overdue > 0 ? 'warn' : undefined}
          to={recordsLink(q, 'licensing_decision', 'overdue')}
        />
        <FigureLink
          value={d.postApproval.done}
          label={`${t('oversight.postApproval')} · ${t('oversight.verified')}`}
          to={recordsLink(q, 'licensing_task', 'done')}
        />
        <FigureLink
          value={d.postApproval.substantiated}
          label={t('oversight.foundFalse')}
          tone={d.postApproval.substantiated > 0 ? 'warn' : undefined}
          to={recordsLink(q, 'licensing_task', 'substantiated')}
        />
      </div>
    </Card>
  );
}
