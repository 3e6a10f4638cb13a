import { App, Button, Card, Form, Input, InputNumber, List, Modal, Select, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../../ui/ProblemAlert';
import { type CreditProfile, creditWrites, type Override, useCreditMutation } from './creditApi';
import { CREDIT_LEVELS, MODES, RISK_LEVELS, when } from './labels';
import { RevokeWithReason } from './RevokeWithReason';

type Target = Override['target'];
interface Values {
  target: Target;
  value: string;
  reason: string;
  validUntil?: string;
  inspectionsPerYear?: number | null;
}

/** The override's term, as shown next to the reason in every explanation. */
export function OverrideTerm({ o }: { o: { validUntil?: string | null } }) {
  const { t } = useTranslation();
  return (
    <span className="wj-muted">
      {' '}
      (
      {o.validUntil
        ? t('credit.editors.overrideUntil', { date: o.validUntil })
        : t('credit.editors.overrideOpenEnded')}
      )
    </span>
  );
}

/** 人工调整: a supervisor sets the mode, risk level or credit level with a reason and an optional term. */
export function OverrideButton({ establishmentId }: { establishmentId: number }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<Values>();
  const target = Form.useWatch('target', form) ?? 'risk_level';
  const save = useCreditMutation((v: Values) =>
    creditWrites.setOverride(establishmentId, {
      target: v.target,
      value: v.value,
      reason: v.reason,
      ...(v.validUntil ? { validUntil: v.validUntil } : {}),
      ...(v.target === 'mode' && typeof v.inspectionsPerYear === 'number'
        ? { inspectionsPerYear: v.inspectionsPerYear }
        : {}),
    }),
  );
  const options: Record<Target, { value: string; label: string }[]> = {
    risk_level: RISK_LEVELS.map((l) => ({ value: l, label: t(`credit.levelNames.${l}`) })),
    credit_level: CREDIT_LEVELS.map((l) => ({ value: l, label: l })),
    mode: MODES.map((m) => ({ value: m, label: t(`credit.modes.${m}`) })),
  };
  return (
    <>
      <Button onClick={() => setOpen(true)}>{t('credit.editors.override')}</Button>
      {open && (
        <Modal
          open
          title={t('credit.editors.overrideTitle')}
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
            initialValues={{ target: 'risk_level' }}
            onFinish={(v) =>
              save.mutate(v, {
                onSuccess: () => {
                  message.success(t('credit.editors.overrideSaved'));
                  setOpen(false);
                },
              })
            }
          >
            <Form.Item name="target" label={t('credit.editors.target')}>
              <Select
                onChange={() => form.setFieldValue('value', undefined)}
                options={(['risk_level', 'credit_level', 'mode'] as const).map((x) => ({
                  value: x,
                  label: t(`credit.editors.targets.${x}`),
                }))}
              />
            </Form.Item>
            <Form.Item
              name="value"
              label={t('credit.editors.value')}
              rules={[{ required: true, message: t('credit.required') }]}
            >
              <Select options={options[target]} />
            </Form.Item>
            {target === 'mode' && (
              <Form.Item name="inspectionsPerYear" label={t('credit.editors.perYear')}>
                <InputNumber min={0} max={365} step={0.5} className="wj-full" />
              </Form.Item>
            )}
            <Form.Item name="validUntil" label={t('credit.editors.validUntil')}>
              <Input type="date" />
            </Form.Item>
            <Form.Item
              name="reason"
              label={t('credit.reason')}
              rules={[{ required: true, min: 5, whitespace: true, message: t('credit.reasonMin') }]}
            >
              <Input.TextArea rows={3} />
            </Form.Item>
          </Form>
          <ProblemAlert error={save.error} />
        </Modal>
      )}
    </>
  );
}

/** The active overrides of an establishment, each revocable with a reason. */
export function OverridesCard({ profile }: { profile: CreditProfile }) {
  const { t } = useTranslation();
  const active = [profile.risk?.override, profile.creditLevel.override, profile.mode?.override].filter(
    (o): o is Override => !!o,
  );
  if (active.length === 0) return null;
  return (
    <Card
      className="wj-gap"
      data-testid="overrides"
      title={<h2 className="wj-card-title">{t('credit.editors.activeOverrides')}</h2>}
    >
      <List dataSource={active} renderItem={(o) => <OverrideItem key={o.id} o={o} />} />
    </Card>
  );
}

function OverrideItem({ o }: { o: Override }) {
  const { t } = useTranslation();
  const value =
    o.target === 'mode'
      ? t(`credit.modes.${o.value as (typeof MODES)[number]}`)
      : o.target === 'risk_level'
        ? t(`credit.levelNames.${o.value as (typeof RISK_LEVELS)[number]}`)
        : o.value;
  return (
    <List.Item>
      <div className="wj-full">
        <div className="wj-entry-head">
          <Tag color="purple">{t(`credit.editors.targets.${o.target}`)}</Tag>
          <strong>{value}</strong>
          <OverrideTerm o={o} />
        </div>
        <div>{t('credit.overrideBy', { by: o.createdBy, at: when(o.createdAt), reason: o.reason })}</div>
        <RevokeWithReason
          ariaLabel={t('credit.editors.revokeReason')}
          buttonLabel={t('credit.editors.revokeOverride')}
          revoke={(reason) => creditWrites.revokeOverride(o.id, reason)}
        />
      </div>
    </List.Item>
  );
}
