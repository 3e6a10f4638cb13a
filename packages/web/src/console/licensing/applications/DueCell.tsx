import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { InboxItem } from '../../../api/licensing';

/** The due day and what is left of the limit in working days, coloured by urgency. */
export function DueCell({ item }: { item: InboxItem }) {
  const { t } = useTranslation();
  return (
    <span className="wj-stack">
      <span>{item.dueOn ?? t('licensing.noDue')}</span>
      <span>
        {item.clockStopped ? (
          <Tag color="gold">{t('licensing.stopped')}</Tag>
        ) : item.overdue ? (
          <Tag color="red">
            {item.remainingWorkingDays !== null
              ? t('licensing.overdueBy', { n: -item.remainingWorkingDays })
              : t('licensing.overdue')}
          </Tag>
        ) : item.warning ? (
          <Tag color="orange">
            {t('licensing.warning')} · {t('licensing.remaining', { n: item.remainingWorkingDays ?? 0 })}
          </Tag>
        ) : item.remainingWorkingDays !== null ? (
          <Tag color="green">{t('licensing.remaining', { n: item.remainingWorkingDays })}</Tag>
        ) : null}
        {item.escalated && <Tag color="volcano">{t('licensing.escalated')}</Tag>}
      </span>
    </span>
  );
}

export const urgency = (i: InboxItem) => (i.overdue ? 'overdue' : i.warning ? 'warning' : '');
