import { App, Button, Card, Form, Input, InputNumber, List, Modal, Select, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../ui/ProblemAlert';
import {
  creditWrites,
  type Grading,
  type GradingRules,
  useCreditMutation,
  useGradings,
  useRuleSets,
} from './creditApi';
import { Basis, useBilingual, when } from './labels';

type Sector = Grading['sector'];
interface Values {
  sector: Sector;
  assessedOn: string;
  scores: Record<string, number | null | undefined>;
  note?: string;
}

const today = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
export const gradedSector = (flags: string[]): Sector | null =>
  (['medical_beauty', 'dental'] as const).find((s) => flags.includes(s)) ?? null;

/** 量化分级评定: the sector's scoring sheet item by item (key items marked), the total, the grade. */
export function GradingButton({ establishmentId, sector }: { establishmentId: number; sector: Sector }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { pair } = useBilingual();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<Values>();
  const rules = useRuleSets();
  const grading = rules.data?.items.find((s) => s.section === 'grading')?.values as GradingRules | undefined;
  const chosen = (Form.useWatch('sector', form) ?? sector) as Sector;
  const scores = Form.useWatch('scores', form) ?? {};
  const sheet = grading?.checklists.find((c) => c.sector === chosen);
  const max = sheet?.items.reduce((s, i) => s + i.maxScore, 0) ?? 0;
  const total = sheet?.items.reduce((s, i) => s + (Number(scores[i.code]) || 0), 0) ?? 0;
  const save = useCreditMutation((v: Values) =>
    creditWrites.recordGrading(establishmentId, {
      sector: v.sector,
      assessedOn: v.assessedOn,
      note: v.note?.trim() ?? '',
      scores: (sheet?.items ?? []).map((i) => ({ itemCode: i.code, score: Number(v.scores?.[i.code]) })),
    }),
  );
  return (
    <>
      <Button onClick={() => setOpen(true)}>{t('credit.editors.grade')}</Button>
      {open && (
        <Modal
          open
          width={720}
          title={t('credit.editors.gradingTitle')}
          onCancel={() => setOpen(false)}
          onOk={() => form.submit()}
          okText={t('credit.submit')}
          cancelText={t('credit.cancel')}
          confirmLoading={save.isPending}
          destroyOnHidden
        >
          <Form<Values>
            form={form}
            layout="vertical"
            initialValues={{ sector, assessedOn: today() }}
            onFinish={(v) =>
              save.mutate(v, {
                onSuccess: (g) => {
                  message.success(t('credit.editors.gradingSaved', { grade: g.grade }));
                  setOpen(false);
                },
              })
            }
          >
            <Form.Item name="sector" label={t('credit.editors.sector')}>
              <Select
                options={(['medical_beauty', 'dental'] as const).map((s) => ({
                  value: s,
                  label: t(`credit.editors.sectors.${s}`),
                }))}
              />
            </Form.Item>
            <Form.Item
              name="assessedOn"
              label={t('credit.editors.assessedOn')}
              rules={[{ required: true, message: t('credit.required') }]}
            >
              <Input type="date" max={today()} />
            </Form.Item>
            {sheet?.items.map((i) => (
              <Form.Item
                key={`${chosen}-${i.code}`}
                name={['scores', i.code]}
                label={
                  <span className="wj-wrap">
                    {i.code} {pair(i.whatZh, i.whatEn)}{' '}
                    {i.key && <Tag color="red">{t('credit.editors.keyItem')}</Tag>}
                  </span>
                }
                extra={<Basis c={i.basis} />}
                rules={[{ required: true, message: t('credit.editors.scoreRange', { max: i.maxScore }) }]}
              >
                <InputNumber
                  min={0}
                  max={i.maxScore}
                  step={0.5}
                  className="wj-full"
                  placeholder={t('credit.editors.scoreRange', { max: i.maxScore })}
                />
              </Form.Item>
            ))}
            <p data-testid="grading-total">
              <strong>{t('credit.editors.total', { total: Math.round(total * 10) / 10, max })}</strong>
            </p>
            <Form.Item name="note" label={t('credit.editors.gradingNote')}>
              <Input.TextArea rows={2} />
            </Form.Item>
          </Form>
          <ProblemAlert error={save.error} />
        </Modal>
      )}
    </>
  );
}

/** Past gradings with their totals, grades and the key items that capped them. */
export function GradingsCard({ establishmentId }: { establishmentId: number }) {
  const { t } = useTranslation();
  const q = useGradings(establishmentId);
  if (!q.data || q.data.items.length === 0) return null;
  return (
    <Card
      className="wj-gap"
      data-testid="gradings"
      title={<h2 className="wj-card-title">{t('credit.editors.history')}</h2>}
    >
      <List
        dataSource={q.data.items}
        renderItem={(g) => (
          <List.Item key={g.id}>
            <div className="wj-full">
              <div className="wj-entry-head">
                <Tag color="blue">{g.grade}</Tag>
                <strong>{t('credit.editors.totalOnly', { total: g.total })}</strong>
                <span className="wj-muted">{g.assessedOn}</span>
              </div>
              {g.cappedBy.length > 0 && (
                <div>{t('credit.editors.cappedBy', { items: g.cappedBy.join('、') })}</div>
              )}
              <div className="wj-muted wj-small">
                {t(`credit.editors.sectors.${g.sector}`)} · {g.recordedBy} · {when(g.recordedAt)}
                {g.note && ` · ${g.note}`}
              </div>
            </div>
          </List.Item>
        )}
      />
    </Card>
  );
}
