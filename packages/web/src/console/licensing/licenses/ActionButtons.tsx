import { useQueryClient } from '@tanstack/react-query';
import { App, Button, DatePicker, Form, Input, InputNumber, Modal, Space } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Action } from '../../../api/licensing';
import { isApiError } from '../../../api/problem';
import { ProblemAlert } from '../../../ui/ProblemAlert';
import { useLicensingLabels } from '../labels';

export type Field = 'reasons' | 'months' | 'summary' | 'findings' | 'rectificationDue' | 'decisionNo';

interface Props {
  actions: Action[];
  /** The fields an action asks for; a required one is marked with `!` (e.g. 'reasons!'). */
  fieldsOf: (action: string) => `${Field}${'' | '!'}`[];
  run: (action: string, body: Record<string, unknown>) => Promise<unknown>;
  subject: string;
}

const DANGER = new Set(['withdraw', 'revoke', 'deregister', 'recheck_fail', 'record_failed', 'defer']);

/** Buttons for a record's workflow actions (licence, verification task, revalidation), each with its form. */
export function ActionButtons({ actions, fieldsOf, run, subject }: Props) {
  const { t } = useTranslation();
  const labels = useLicensingLabels();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState<Action | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm<Record<string, unknown>>();
  if (actions.length === 0) return null;
  const fields = open ? fieldsOf(open.action) : [];
  const has = (f: Field) => fields.includes(f) || fields.includes(`${f}!`);
  const req = (f: Field) => fields.includes(`${f}!`);

  const submit = async (values: Record<string, unknown>) => {
    if (!open) return;
    setBusy(true);
    setError(null);
    const body: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(values)) {
      if (v === undefined || v === null || v === '') continue;
      body[k] = k === 'rectificationDue' ? (v as Dayjs).format('YYYY-MM-DD') : v;
    }
    try {
      await run(open.action, body);
      message.success(t('licensing.done', { action: labels.action(open) }));
      setOpen(null);
      await queryClient.invalidateQueries({ queryKey: ['licensing'] });
    } catch (e) {
      if (isApiError(e) && e.code === 'conflict') {
        message.warning(t('licensing.conflict'));
        await queryClient.invalidateQueries({ queryKey: ['licensing'] });
      }
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <Space wrap>
        {actions.map((a) => (
          <Button
            key={a.action}
            danger={DANGER.has(a.action)}
            type={DANGER.has(a.action) ? 'default' : 'primary'}
            onClick={() => {
              form.resetFields();
              setError(null);
              setOpen(a);
            }}
          >
            {labels.action(a)}
          </Button>
        ))}
      </Space>
      <Modal
        open={open !== null}
        title={open ? labels.action(open) : ''}
        okText={t('licensing.confirm')}
        cancelText={t('licensing.cancel')}
        confirmLoading={busy}
        onCancel={() => setOpen(null)}
        onOk={() => void form.validateFields().then(submit)}
        destroyOnHidden
      >
        {error !== null && <ProblemAlert error={error} />}
        <p>{subject}</p>
        <Form form={form} layout="vertical" name={`action-${open?.action ?? ''}`}>
          {has('summary') && (
            <Form.Item
              name="summary"
              label={t('licensing.submissionSummary')}
              rules={[{ required: req('summary') }]}
            >
              <Input.TextArea rows={3} placeholder={t('licensing.summaryPlaceholder')} />
            </Form.Item>
          )}
          {has('months') && (
            <Form.Item name="months" label={t('licensing.months')} rules={[{ required: req('months') }]}>
              <InputNumber min={1} max={6} />
            </Form.Item>
          )}
          {has('findings') && (
            <Form.Item
              name="findings"
              label={t('licensing.findings')}
              rules={[{ required: req('findings') }]}
            >
              <Input.TextArea rows={3} />
            </Form.Item>
          )}
          {has('rectificationDue') && (
            <Form.Item
              name="rectificationDue"
              label={t('licensing.rectificationDue')}
              rules={[{ required: req('rectificationDue') }]}
            >
              <DatePicker />
            </Form.Item>
          )}
          {has('reasons') && (
            <Form.Item
              name="reasons"
              label={t('licensing.reasons')}
              rules={[{ required: req('reasons'), min: 2, message: t('licensing.reasonsRequired') }]}
            >
              <Input.TextArea rows={3} placeholder={t('licensing.reasonsPlaceholder')} />
            </Form.Item>
          )}
          {has('decisionNo') && (
            <Form.Item name="decisionNo" label={t('licensing.decisionNo')}>
              <Input />
            </Form.Item>
          )}
        </Form>
      </Modal>
    </>
  );
}
