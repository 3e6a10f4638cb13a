import { useQuery } from '@tanstack/react-query';
import { Card, Skeleton, Space, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { type CalendarDay, type DayKind, fetchCalendarDay } from '../../api/calendar';
import { ProblemAlert } from '../../ui/ProblemAlert';

/** Today's date and whether it is a working day (holidays and make-up working days respected). */
export function TodayCard() {
  const { t } = useTranslation();
  const date = dayjs().format('YYYY-MM-DD');
  const day = useQuery({
    queryKey: ['calendar', 'day', date],
    queryFn: ({ signal }) => fetchCalendarDay(date, signal),
    staleTime: 60 * 60_000,
  });
  return (
    <Card title={<h2 className="wj-card-title">{t('home.today')}</h2>}>
      <Typography.Paragraph strong className="wj-today">
        {dayjs(date).format(t('app.dateLong'))}
      </Typography.Paragraph>
      {day.isPending && <Skeleton active paragraph={false} />}
      {day.isError && <ProblemAlert error={day.error} />}
      {day.data && <DayTags day={day.data} />}
    </Card>
  );
}

const KIND_LABEL = {
  workday: 'home.workingDay',
  weekend: 'home.restDay',
  holiday: 'home.holiday',
  makeup_workday: 'home.makeupDay',
} as const satisfies Record<DayKind, string>;

function DayTags({ day }: { day: CalendarDay }) {
  const { t } = useTranslation();
  return (
    <Space size={[4, 8]} wrap>
      <Tag color={day.workingDay ? 'blue' : 'green'} className="wj-day-tag">
        {t(KIND_LABEL[day.kind] ?? (day.workingDay ? 'home.workingDay' : 'home.restDay'))}
      </Tag>
      {day.festival && <Tag lang="zh-CN">{day.festival}</Tag>}
      {day.provisional && <Tag color="warning">{t('home.provisional')}</Tag>}
    </Space>
  );
}
