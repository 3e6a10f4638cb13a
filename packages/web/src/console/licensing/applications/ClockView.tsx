import { Alert, Card, Descriptions, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ApplicationDetail, Clock } from '../../../api/licensing';
import { useLicensingLabels } from '../labels';

/** Remaining time as a tag: red when overdue, amber when stopped, green otherwise. */
export function RemainingTag({ clock }: { clock: Clock }) {
  const { t } = useTranslation();
  if (clock.done) return <Tag color="default">{t('licensing.clockDone')}</Tag>;
  if (clock.stopped) return <Tag color="gold">{t('licensing.stopped')}</Tag>;
  if (clock.overdue) return <Tag color="red">{t('licensing.overdueBy', { n: -clock.remaining })}</Tag>;
  return (
    <Tag color={clock.remaining <= 1 ? 'orange' : 'green'}>
      {t('licensing.remaining', { n: clock.remaining })}
    </Tag>
  );
}

function ClockLine({ clock }: { clock: Clock }) {
  const { t } = useTranslation();
  const labels = useLicensingLabels();
  return (
    <span className="wj-stack">
      <span>
        {clock.stopped || !clock.due
          ? t('licensing.clockStoppedText', { limit: clock.limit })
          : t('licensing.clockDue', { limit: clock.limit, due: clock.due })}{' '}
        <RemainingTag clock={clock} />
      </span>
      {clock.excludedWorkingDays > 0 && (
        <span className="wj-muted wj-small">{t('licensing.excluded', { n: clock.excludedWorkingDays })}</span>
      )}
      {clock.provisional && <span className="wj-muted wj-small">{t('licensing.provisional')}</span>}
      {clock.citation.length > 0 && (
        <span className="wj-muted wj-small">{clock.citation.map((c) => labels.citation(c)).join('；')}</span>
      )}
    </span>
  );
}

/** The application's legal time limits in working days, with the periods that stopped them. */
export function ClocksCard({ application: a }: { application: ApplicationDetail }) {
  const { t } = useTranslation();
  const labels = useLicensingLabels();
  const items = [
    ...(a.clocks.accept
      ? [
          {
            key: 'accept',
            label: t('licensing.acceptClock'),
            children: <ClockLine clock={a.clocks.accept} />,
          },
        ]
      : []),
    ...(a.clocks.decide
      ? [
          {
            key: 'decide',
            label: t('licensing.decideClock'),
            children: <ClockLine clock={a.clocks.decide} />,
          },
        ]
      : []),
  ];
  if (items.length === 0 && a.clockStops.length === 0) return null;
  return (
    <Card size="small" title={t('licensing.clocks')} className="wj-gap">
      <Descriptions size="small" column={1} items={items} />
      {a.clockStops.length > 0 && (
        <Alert
          type="warning"
          showIcon
          className="wj-top-gap"
          message={t('licensing.clockStops')}
          description={
            <ul className="wj-plain-list">
              {a.clockStops.map((s) => (
                <li key={`${s.kind}-${s.from}`}>
                  {labels.stopKind(s.kind)}：{s.from} — {s.to ?? '…'}
                </li>
              ))}
            </ul>
          }
        />
      )}
    </Card>
  );
}
