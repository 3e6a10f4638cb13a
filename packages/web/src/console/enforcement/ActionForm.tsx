import { useMutation } from '@tanstack/react-query';
import { Button, Checkbox, DatePicker, Form, Input, InputNumber, Modal, Select, Switch } from 'antd';
import type { Dayjs } from 'dayjs';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { showFieldErrors } from '../../api/forms';
import type { ProblemFieldError } from '../../api/problem';
import { ProblemAlert } from '../../ui/ProblemAlert';
import { useEnforcementLabels } from './labels';

/** One field of an action's form, named as the server's request names it. */
export interface FieldSpec {
  name: string;
  kind: 'text' | 'textarea' | 'number' | 'date' | 'bool' | 'select' | 'multi' | 'kinds' | 'names';
  required?: boolean;
  options?: { value: string | number; label: string }[];
  min?: number;
  max?: number;
  initial?: unknown;
  /** A label of its own where the shared field name would read wrongly (回执编号 vs 票据号). */
  label?: string;
}

interface Props {
  title: string;
  fields: FieldSpec[];
  /** Shown above the fields: the benchmark range of a penalty, the legal basis of a step. */
  hint?: ReactNode;
  open: boolean;
  onClose: () => void;
  /** Sends the values (dates as YYYY-MM-DD, empty optional fields left out). */
  send: (values: Record<string, unknown>) => Promise<unknown>;
  onDone: () => void;
  /** The server's answer (the record as it now is), before onDone. */
  onSent?: (result: unknown) => void;
}

function clean(fields: FieldSpec[], raw: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const f of fields) {
    let v = raw[f.name];
    if (f.kind === 'date') v = v ? (v as Dayjs).format('YYYY-MM-DD') : undefined;
    if (f.kind === 'names')
      v = typeof v === 'string' && v.trim() ? v.split(/[,，、\s]+/).filter(Boolean) : undefined;
    if (typeof v === 'string') v = v.trim() || undefined;
    if (f.kind === 'bool') v = v === true;
    if (v !== undefined && v !== null) out[f.name] = v;
  }
  return out;
}

/**
 * The form of one workflow step in a dialog: fields from a spec, the server's field errors shown on
 * the fields, every other refusal (a rule of 行政处罚法, a stale version) above the buttons.
 */
export function ActionForm({ title, fields, hint, open, onClose, send, onDone, onSent }: Props) {
  const { t, i18n } = useTranslation();
  const labels = useEnforcementLabels();
  const [form] = Form.useForm();
  const [unmatched, setUnmatched] = useState<ProblemFieldError[]>([]);
  const names = fields.map((f) => f.name);
  const run = useMutation({
    mutationFn: (values: Record<string, unknown>) => send(clean(fields, values)),
    onSuccess: (result) => {
      onSent?.(result);
      form.resetFields();
      setUnmatched([]);
      onDone();
    },
    onError: (error) => setUnmatched(showFieldErrors(form, error, i18n.language, names)),
  });
  const initialValues = Object.fromEntries(
    fields.filter((f) => f.initial !== undefined).map((f) => [f.name, f.initial]),
  );
  return (
    <Modal
      open={open}
      title={title}
      onCancel={() => {
        run.reset();
        onClose();
      }}
      footer={null}
      destroyOnHidden
      width={640}
    >
      {hint}
      <Form form={form} layout="vertical" initialValues={initialValues} onFinish={(v) => run.mutate(v)}>
        {fields.map((f) => (
          <Form.Item
            key={f.name}
            name={f.name}
            label={f.label ?? labels.field(f.name)}
            valuePropName={f.kind === 'bool' ? 'checked' : 'value'}
            rules={f.required ? [{ required: true, message: f.label ?? labels.field(f.name) }] : []}
          >
            {f.kind === 'textarea' ? (
              <Input.TextArea rows={4} maxLength={f.max ?? 8000} />
            ) : f.kind === 'number' ? (
              <InputNumber className="wj-full" min={f.min ?? 0} max={f.max} step={1} />
            ) : f.kind === 'date' ? (
              <DatePicker className="wj-full" />
            ) : f.kind === 'bool' ? (
              <Switch />
            ) : f.kind === 'select' ? (
              <Select options={f.options ?? []} showSearch optionFilterProp="label" />
            ) : f.kind === 'multi' ? (
              <Select mode="multiple" options={f.options ?? []} optionFilterProp="label" />
            ) : f.kind === 'kinds' ? (
              <Checkbox.Group options={f.options ?? []} className="wj-kinds" />
            ) : (
              <Input maxLength={f.max ?? 500} />
            )}
          </Form.Item>
        ))}
        <ProblemAlert error={run.error} extra={unmatched} />
        <div className="wj-form-buttons">
          <Button onClick={onClose}>{t('enforcement.cancel')}</Button>
          <Button type="primary" htmlType="submit" loading={run.isPending}>
            {t('enforcement.submit')}
          </Button>
        </div>
      </Form>
    </Modal>
  );
}

/** A row of buttons, one per action the server allows; each opens its form. */
export function ActionButtons({
  actions,
  render,
}: {
  actions: { action: string; label: string }[];
  render: (action: string, close: () => void) => ReactNode;
}) {
  const { t } = useTranslation();
  const [current, setCurrent] = useState<string | null>(null);
  if (actions.length === 0) return <p className="wj-muted">{t('enforcement.noActions')}</p>;
  return (
    <>
      <div className="wj-action-buttons">
        {actions.map((a, i) => (
          <Button key={a.action} type={i === 0 ? 'primary' : 'default'} onClick={() => setCurrent(a.action)}>
            {a.label}
          </Button>
        ))}
      </div>
      {current && render(current, () => setCurrent(null))}
    </>
  );
}
