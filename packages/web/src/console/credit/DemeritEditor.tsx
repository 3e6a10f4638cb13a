import { App, Button, Form, Input, Modal, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../ui/ProblemAlert';
import {
  creditWrites,
  type Demerit,
  type DemeritBehaviour,
  type SubjectType,
  useCreditMutation,
  useRuleSets,
} from './creditApi';
import { useBilingual } from './labels';
import { RevokeWithReason } from './RevokeWithReason';

type SourceType = 'inspection' | 'case' | 'complaint';
interface Values {
  behaviourCode: string;
  occurredOn: string;
  sourceType: SourceType;
  sourceId: string;
  note: string;
}

const today = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);

/**
 * 记分: a behaviour of the catalogue (its points and the article behind them are the catalogue's),
 * the day, and the finding or penalty it comes from, which must already be in the credit file.
 */
export function RecordDemeritButton({ type, id }: { type: SubjectType; id: number }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { pick, pair } = useBilingual();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<Values>();
  const rules = useRuleSets();
  const section = rules.data?.items.find((s) => s.section === 'demerits');
  const behaviours = (
    ((section?.values as { behaviours?: DemeritBehaviour[] } | undefined)?.behaviours ??
      []) as DemeritBehaviour[]
  ).filter((b) => b.subject === type);
  const code = Form.useWatch('behaviourCode', form);
  const chosen = behaviours.find((b) => b.code === code);
  const save = useCreditMutation((v: Values) =>
    creditWrites.recordDemerit(type, id, {
      behaviourCode: v.behaviourCode,
      occurredOn: v.occurredOn,
      source: { type: v.sourceType, id: v.sourceId.trim() },
      note: v.note.trim(),
    }),
  );
  const required = [{ required: true, whitespace: true, message: t('credit.required') }];
  return (
    <>
      <Button size="small" onClick={() => setOpen(true)}>
        {t('credit.editors.recordDemerit')}
      </Button>
      {open && (
        <Modal
          open
          title={t('credit.editors.demeritTitle')}
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
            initialValues={{ sourceType: 'inspection', occurredOn: today() }}
            onFinish={(v) =>
              save.mutate(v, {
                onSuccess: () => {
                  message.success(t('credit.editors.demeritSaved'));
                  setOpen(false);
                },
              })
            }
          >
            <Form.Item
              name="behaviourCode"
              label={t('credit.editors.behaviour')}
              rules={required}
              extra={
                chosen
                  ? `${t('credit.editors.points', { points: chosen.points })} · ${t('credit.article')}：${pick(chosen.article)}`
                  : undefined
              }
            >
              <Select
                showSearch={{ optionFilterProp: 'label' }}
                options={behaviours.map((b) => ({
                  value: b.code,
                  label: `${b.code} ${pair(b.actZh, b.actEn)}（${t('credit.editors.points', { points: b.points })}）`,
                }))}
              />
            </Form.Item>
            <Form.Item name="occurredOn" label={t('credit.editors.occurredOn')} rules={required}>
              <Input type="date" max={today()} />
            </Form.Item>
            <Form.Item name="sourceType" label={t('credit.editors.sourceType')}>
              <Select
                options={(['inspection', 'case', 'complaint'] as const).map((s) => ({
                  value: s,
                  label: t(`credit.editors.sourceTypes.${s}`),
                }))}
              />
            </Form.Item>
            <Form.Item name="sourceId" label={t('credit.editors.sourceId')} rules={required}>
              <Input />
            </Form.Item>
            <Form.Item
              name="note"
              label={t('credit.editors.demeritNote')}
              rules={[{ required: true, min: 2, whitespace: true, message: t('credit.editors.noteMin') }]}
            >
              <Input.TextArea rows={2} />
            </Form.Item>
          </Form>
          <ProblemAlert error={save.error} />
        </Modal>
      )}
    </>
  );
}

/** 撤销记分: kept in the file, no longer counted; a reason is required. */
export function RevokeDemerit({ d }: { d: Demerit }) {
  const { t } = useTranslation();
  if (d.status !== 'active') return null;
  return (
    <div className="wj-top-gap">
      <RevokeWithReason
        small
        ariaLabel={`${t('credit.editors.revokeReason')} ${d.id}`}
        buttonLabel={t('credit.editors.revokeDemerit')}
        revoke={(reason) => creditWrites.revokeDemerit(d.id, reason)}
      />
    </div>
  );
}
