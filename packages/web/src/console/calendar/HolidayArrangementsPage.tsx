import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Card, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { activateArrangement, fetchArrangements, type HolidayArrangement } from '../../api/calendar';
import { ProblemAlert } from '../../ui/ProblemAlert';
import { ArrangementEditor } from './ArrangementEditor';

/**
 * 放假安排: years the built-in calendar does not cover yet. An administrator enters the State
 * Council notice as a draft; a second administrator activates it, and deadlines in that year stop
 * being provisional.
 */
export default function HolidayArrangementsPage() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const list = useQuery({ queryKey: ['calendar', 'arrangements'], queryFn: fetchArrangements });
  const [editing, setEditing] = useState<HolidayArrangement | 'new' | null>(null);
  const activate = useMutation({
    mutationFn: (year: number) => activateArrangement(year),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['calendar'] }),
  });

  const columns = [
    { title: t('arrangements.year'), dataIndex: 'year', key: 'year' },
    { title: t('arrangements.docNo'), dataIndex: 'docNo', key: 'docNo' },
    {
      title: t('arrangements.status'),
      key: 'status',
      render: (_: unknown, a: HolidayArrangement) =>
        a.status === 'active' ? (
          <Tag color="green">{t('arrangements.active')}</Tag>
        ) : (
          <Tag color="gold">{t('arrangements.draft')}</Tag>
        ),
    },
    {
      title: t('arrangements.days'),
      key: 'days',
      render: (_: unknown, a: HolidayArrangement) =>
        t('arrangements.dayCounts', {
          holidays: a.days.filter((d) => d.kind === 'holiday').length,
          makeup: a.days.filter((d) => d.kind === 'makeup_workday').length,
        }),
    },
    { title: t('arrangements.enteredBy'), dataIndex: 'enteredBy', key: 'enteredBy' },
    { title: t('arrangements.approvedBy'), dataIndex: 'approvedBy', key: 'approvedBy' },
    {
      title: t('arrangements.actions'),
      key: 'actions',
      render: (_: unknown, a: HolidayArrangement) =>
        a.status === 'draft' ? (
          <Space wrap>
            <Button size="small" onClick={() => setEditing(a)}>
              {t('arrangements.edit')}
            </Button>
            <Popconfirm
              title={t('arrangements.activateConfirm', { year: a.year })}
              onConfirm={() => activate.mutate(a.year)}
            >
              <Button
                size="small"
                type="primary"
                loading={activate.isPending && activate.variables === a.year}
              >
                {t('arrangements.activate')}
              </Button>
            </Popconfirm>
          </Space>
        ) : null,
    },
  ];

  return (
    <div className="wj-page">
      <Typography.Title level={1} className="wj-page-title">
        {t('arrangements.title')}
      </Typography.Title>
      <Card>
        <Typography.Paragraph>{t('arrangements.intro')}</Typography.Paragraph>
        <ProblemAlert error={list.error ?? activate.error} />
        {editing ? (
          <ArrangementEditor
            existing={editing === 'new' ? null : editing}
            onDone={() => {
              setEditing(null);
              void queryClient.invalidateQueries({ queryKey: ['calendar'] });
            }}
          />
        ) : (
          <>
            <Button type="primary" className="wj-gap" onClick={() => setEditing('new')}>
              {t('arrangements.enter')}
            </Button>
            <Table<HolidayArrangement>
              rowKey="year"
              loading={list.isLoading}
              dataSource={list.data?.items ?? []}
              columns={columns}
              pagination={false}
              scroll={{ x: 'max-content' }}
              locale={{ emptyText: t('arrangements.none') }}
            />
          </>
        )}
      </Card>
    </div>
  );
}
