import { useMutation } from '@tanstack/react-query';
import { Button, DatePicker, Form, Input, InputNumber, Select, Space, Table } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type ArrangementDay,
  fetchArrangementDraft,
  type HolidayArrangement,
  saveArrangement,
} from '../../api/calendar';
import { showFieldErrors } from '../../api/forms';
import type { ProblemFieldError } from '../../api/problem';
import { ProblemAlert } from '../../ui/ProblemAlert';

interface Props {
  existing: HolidayArrangement | null;
  onDone: () => void;
}

interface Header {
  year: number;
  docNo: string;
  sourceUrl?: string;
}

/** Enter a year's notice: the statutory days are pre-filled, the administrator adds the 调休 days. */
export function ArrangementEditor({ existing, onDone }: Props) {
  const { t, i18n } = useTranslation();
  const [form] = Form.useForm<Header>();
  const [days, setDays] = useState<ArrangementDay[]>(existing?.days ?? []);
  const [unmatched, setUnmatched] = useState<ProblemFieldError[]>([]);
  const prefill = useMutation({
    mutationFn: (year: number) => fetchArrangementDraft(year),
    onSuccess: (draft) => setDays(draft.days),
  });
  const save = useMutation({
    mutationFn: (h: Header) =>
      saveArrangement(h.year, { docNo: h.docNo, ...(h.sourceUrl ? { sourceUrl: h.sourceUrl } : {}), days }),
    onSuccess: onDone,
    onError: (e) => setUnmatched(showFieldErrors(form, e, i18n.language, ['docNo', 'sourceUrl'])),
  });
  const setDay = (i: number, patch: Partial<ArrangementDay>) =>
    setDays((all) => all.map((d, j) => (j === i ? { ...d, ...patch } : d)));

  return (
    <Form<Header>
      form={form}
      layout="vertical"
      className="wj-form"
      initialValues={
        existing
          ? { year: existing.year, docNo: existing.docNo, sourceUrl: existing.sourceUrl ?? undefined }
          : { year: dayjs().year() + 1 }
      }
      onFinish={(h) => save.mutate(h)}
    >
      <Space wrap align="end">
        <Form.Item name="year" label={t('arrangements.year')} rules={[{ required: true }]}>
          <InputNumber min={2027} max={2099} disabled={!!existing} />
        </Form.Item>
        {!existing && (
          <Form.Item>
            <Button onClick={() => prefill.mutate(form.getFieldValue('year'))} loading={prefill.isPending}>
              {t('arrangements.prefill')}
            </Button>
          </Form.Item>
        )}
      </Space>
      <Form.Item
        name="docNo"
        label={t('arrangements.docNo')}
        rules={[{ required: true, min: 3 }]}
        extra={t('arrangements.docNoHelp')}
      >
        <Input />
      </Form.Item>
      <Form.Item name="sourceUrl" label={t('arrangements.sourceUrl')}>
        <Input type="url" />
      </Form.Item>
      <Table<ArrangementDay & { i: number }>
        rowKey="i"
        size="small"
        pagination={false}
        scroll={{ x: 'max-content' }}
        dataSource={days.map((d, i) => ({ ...d, i }))}
        columns={[
          {
            title: t('arrangements.date'),
            key: 'date',
            render: (_, d) => (
              <DatePicker
                value={d.date ? dayjs(d.date) : null}
                onChange={(v) => setDay(d.i, { date: v ? v.format('YYYY-MM-DD') : '' })}
              />
            ),
          },
          {
            title: t('arrangements.kind'),
            key: 'kind',
            render: (_, d) => (
              <Select
                value={d.kind}
                style={{ minWidth: 140 }}
                onChange={(kind) => setDay(d.i, { kind })}
                options={[
                  { value: 'holiday', label: t('arrangements.holiday') },
                  { value: 'makeup_workday', label: t('arrangements.makeupWorkday') },
                ]}
              />
            ),
          },
          {
            title: t('arrangements.festival'),
            key: 'festival',
            render: (_, d) => (
              <Input
                value={d.festival ?? ''}
                onChange={(e) => setDay(d.i, { festival: e.target.value || null })}
              />
            ),
          },
          {
            key: 'remove',
            render: (_, d) => (
              <Button size="small" danger onClick={() => setDays((all) => all.filter((_, j) => j !== d.i))}>
                {t('arrangements.remove')}
              </Button>
            ),
          },
        ]}
      />
      <Space wrap className="wj-gap">
        <Button
          onClick={() => setDays((all) => [...all, { date: '', kind: 'makeup_workday', festival: null }])}
        >
          {t('arrangements.addDay')}
        </Button>
      </Space>
      <ProblemAlert error={save.error ?? prefill.error} extra={unmatched} />
      <Space wrap className="wj-gap">
        <Button type="primary" htmlType="submit" loading={save.isPending}>
          {t('arrangements.saveDraft')}
        </Button>
        <Button onClick={onDone}>{t('arrangements.cancel')}</Button>
      </Space>
    </Form>
  );
}
