import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, DatePicker, Form, Input, Space } from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../../ui/ProblemAlert';
import { GuideEditorLists } from './GuideEditorLists';
import { type ComplianceGuide, type GuideContent, invalidateGuides, saveGuide } from './guideApi';

type Frequency = GuideContent['frequency'][number];
type FormFrequency = Omit<Frequency, 'minShare'> & { minSharePercent?: number | null };
interface Values extends Omit<GuideContent, 'frequency'> {
  frequency: FormFrequency[];
  note: string;
  effectiveFrom?: Dayjs | null;
}

const toForm = (c: GuideContent): Omit<Values, 'note'> => ({
  ...c,
  frequency: c.frequency.map(({ minShare, ...f }) => ({
    ...f,
    minSharePercent: minShare === null ? null : Math.round(minShare * 1000) / 10,
  })),
});

function toContent(v: Values): GuideContent {
  const citation = (c: { zh?: string; en?: string } | null | undefined) => ({
    zh: c?.zh?.trim() ?? '',
    en: c?.en?.trim() ?? '',
  });
  return {
    titleZh: v.titleZh.trim(),
    summaryZh: v.summaryZh.trim(),
    departments: (v.departments ?? []).map((d) => ({ ...d, citation: citation(d.citation) })),
    items: v.items ?? [],
    frequency: (v.frequency ?? []).map(({ minSharePercent, ...f }) => ({
      ...f,
      flags: f.flags ?? [],
      minShare: minSharePercent === null || minSharePercent === undefined ? null : minSharePercent / 100,
      timesPerYear: f.timesPerYear ?? null,
      citation: citation(f.citation),
    })),
    process: (v.process ?? []).map((s, i) => {
      const c = citation(s.citation);
      return {
        ...s,
        order: i + 1,
        departmentCode: s.departmentCode ?? null,
        citation: c.zh || c.en ? c : null,
      };
    }),
  };
}

/** 修改合规指引: every save is a new version (with what changed and why); earlier ones stay readable. */
export function GuideEditor({ guide, onDone }: { guide: ComplianceGuide; onDone: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<Values>();
  const save = useMutation({
    mutationFn: (v: Values) =>
      saveGuide(guide.kind, {
        content: toContent(v),
        note: v.note.trim(),
        effectiveFrom: v.effectiveFrom ? v.effectiveFrom.format('YYYY-MM-DD') : null,
        expectedVersion: guide.version,
      }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: invalidateGuides });
      void message.success(t('guides.saved'));
      onDone();
    },
  });
  return (
    <Card
      title={<h2 className="wj-card-title">{t('guides.editTitle', { kind: guide.kindName })}</h2>}
      className="wj-gap"
    >
      <Alert type="info" showIcon className="wj-gap" title={t('guides.editHelp', { n: guide.version + 1 })} />
      <Form<Values>
        form={form}
        name="guide-edit"
        layout="vertical"
        className="wj-modal-form"
        initialValues={toForm(guide.content)}
        scrollToFirstError
        onFinish={(v) => save.mutate(v)}
      >
        <Form.Item
          name="titleZh"
          label={t('guides.titleField')}
          rules={[{ required: true, whitespace: true, max: 100 }]}
        >
          <Input />
        </Form.Item>
        <Form.Item
          name="summaryZh"
          label={t('guides.summary')}
          rules={[{ required: true, whitespace: true, max: 2000 }]}
        >
          <Input.TextArea autoSize={{ minRows: 3 }} />
        </Form.Item>
        <GuideEditorLists />
        <div className="wj-form-grid">
          <Form.Item
            name="note"
            label={t('guides.note')}
            extra={t('guides.noteHelp')}
            rules={[{ required: true, whitespace: true, max: 500, message: t('guides.noteRequired') }]}
          >
            <Input.TextArea autoSize={{ minRows: 2 }} />
          </Form.Item>
          <Form.Item name="effectiveFrom" label={t('guides.effectiveFromLabel')}>
            <DatePicker className="wj-full" />
          </Form.Item>
        </div>
        <ProblemAlert error={save.error} />
        <Space wrap className="wj-top-gap">
          <Button type="primary" htmlType="submit" loading={save.isPending}>
            {t('guides.saveVersion')}
          </Button>
          <Button onClick={onDone}>{t('common.cancel')}</Button>
        </Space>
      </Form>
    </Card>
  );
}
