import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';

/** A due date: red when overdue, otherwise the date it falls due. */
export function DueTag({ dueOn, overdue }: { dueOn: string | null; overdue: boolean }) {
  const { t } = useTranslation();
  if (!dueOn) return <span className="wj-muted">—</span>;
  return overdue ? (
    <Tag color="red">
      {t('enforcement.overdue')} · {dueOn}
    </Tag>
  ) : (
    <span>{t('enforcement.dueIn', { date: dueOn })}</span>
  );
}
